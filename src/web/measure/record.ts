import { answeredEvent, declinedEvent, scoreItem } from '../../engine';
import type {
  DeviceId,
  EventId,
  LearnerId,
  MeasureAnswer,
  MeasureEventContext,
  MeasureItem,
  TopicId,
} from '../../engine';
import { newEventId } from '../store/ids';
import { recordMeasure } from '../store/measures';
import type { EventSlot } from '../store/events';
import { requestSync } from '../sync/request';
import type { DueCheck } from './due';

/** Who, where and when of a check's event, from the device's slot. */
const context = (due: DueCheck, { device, seq }: EventSlot): MeasureEventContext => ({
  id: newEventId() as EventId,
  learner: due.learner as LearnerId,
  device: device as DeviceId,
  seq,
  at: Date.now(),
  topic: due.bank.topic as TopicId,
  band: due.band,
});

const check = (due: DueCheck) => ({ use: due.use, version: due.bank.version });

/**
 * Records one answer to one item of a check on this device (`measure-answered`), queued for
 * sync. False when the answer does not fit the item (nothing is recorded then).
 */
export async function recordAnswer(
  due: DueCheck,
  item: MeasureItem,
  answer: MeasureAnswer,
): Promise<boolean> {
  // Checked before the transaction: an answer that does not fit takes no number.
  if (scoreItem(item, answer) === null) return false;
  await recordMeasure((slot) => answeredEvent(context(due, slot), check(due), item, answer)!);
  requestSync();
  return true;
}

/** Records that the child said "Not now" to a check (`measure-declined`): it is not asked again. */
export async function recordDecline(due: DueCheck): Promise<void> {
  await recordMeasure((slot) => declinedEvent(context(due, slot), check(due)));
  requestSync();
}
