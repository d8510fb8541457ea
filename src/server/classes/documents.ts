// The class's printed documents (docs/classes.md "Printing"): login cards, which hold the
// children's picture passwords (never cached anywhere), and the letter for families.

import { PdfBusyError } from '../pdf/pool';
import { HttpError } from '../http/errors';
import { loginCardsModel } from '../worksheets/login-cards';
import { parentLetterModel } from '../worksheets/parent-letter';
import type { PageSize } from '../pdf/model';
import type { ClassesContext, ClassPrinting } from './context';
import { classChildren, ownClass, schoolOf } from './roster';

function printing(ctx: ClassesContext): ClassPrinting {
  if (!ctx.printing) throw new HttpError(503, 'server_busy', 'Printing is not available here');
  return ctx.printing;
}

async function render(p: ClassPrinting, model: Parameters<ClassPrinting['renderer']['render']>[0]) {
  try {
    return await p.renderer.render(model);
  } catch (e) {
    if (e instanceof PdfBusyError) {
      throw new HttpError(503, 'server_busy', 'Many documents are being printed; try again soon', {
        'retry-after': String(e.retryAfterSeconds),
      });
    }
    throw e;
  }
}

/** One login card per child of the class: nickname, avatar, class code, the three pictures. */
export async function loginCardsPdf(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
  paper: PageSize,
): Promise<Buffer> {
  const p = printing(ctx);
  const cls = await ownClass(ctx, teacherId, classId);
  const children = await classChildren(ctx, classId);
  return render(
    p,
    loginCardsModel(
      {
        className: cls.name,
        classCode: cls.code,
        lang: cls.lang,
        paper,
        children: children.map((c) => ({
          nickname: c.nickname,
          avatar: c.avatar,
          pictures: c.pictures as [string, string, string],
        })),
      },
      p.context,
    ),
  );
}

/** The letter for the families of the class: what Kite keeps, why, who sees it, their rights. */
export async function parentLetterPdf(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
  paper: PageSize,
): Promise<Buffer> {
  const p = printing(ctx);
  const cls = await ownClass(ctx, teacherId, classId);
  const school = await ctx.db.kysely
    .selectFrom('kite_school')
    .selectAll()
    .where('id', '=', cls.school_id)
    .executeTakeFirstOrThrow();
  const teacher = await ctx.db.kysely
    .selectFrom('kite_user')
    .select('display_name')
    .where('id', '=', teacherId)
    .executeTakeFirstOrThrow();
  const agreement = schoolOf(school).agreement;
  return render(
    p,
    parentLetterModel(
      {
        schoolName: school.name,
        className: cls.name,
        teacherName: teacher.display_name,
        lang: cls.lang,
        noticeVersion: agreement?.noticeVersion ?? '',
        retentionMonths: await ctx.retainChildMonths(),
        measurement: ctx.measurement,
        paper,
      },
      p.context,
    ),
  );
}
