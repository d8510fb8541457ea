// Layout of a document model on pages: theme.ts (sizes), text-atoms.ts (wrapped and labelled
// text), blocks.ts (each block), answers.ts (answer areas), footer.ts and paginate.ts (pages).
export { layoutDocument } from './paginate';
export { PAGE_SIZES } from './theme';
export type { DrawOp, LaidOutPage, Layout } from './ops';
