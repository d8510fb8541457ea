// The children whose devices the ingest bench and the failover drill drive: a class (a teacher
// with TOTP, `learners` children each signed in once) made through the HTTP API of an
// in-memory app on the database the servers will use, and each child's device with its bank
// of real engine events (ingest-batches.ts).
import { loadCatalogue } from '../../src/content/catalogue';
import type { Db } from '../../src/db/connect';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { outbox } from '../../test/helpers/account-client';
import { setUpClass } from '../../test/helpers/class-fixture';
import { benchDevice, playable } from '../ingest-batches';
import type { BenchDevice } from '../ingest-batches';

/** A class of `learners` signed-in children on `db`, and a device for each. */
export async function classDevices(
  db: Db,
  learners: number,
  log: (line: string) => void,
): Promise<BenchDevice[]> {
  const catalogue = (await loadCatalogue('content')).catalogue;
  const clock = { now: Date.now() };
  const mail = outbox();
  const app = await createApp({
    db,
    now: () => clock.now,
    catalogue,
    accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
  });
  try {
    const fixture = await setUpClass(app, mail, clock, learners, '8-10');
    const activities = playable(
      [...catalogue.activities.values()].filter((a) => a.band === '8-10' && !a.sensitive),
    );
    log(`${activities.length} playable activities of the 8-10 band`);
    return fixture.children.map((c, i) => benchDevice(c.id, c.token, i, activities));
  } finally {
    await app.close();
  }
}
