/** Heap growth (after a full GC) from the warm sample to the end beyond which a soak fails. */
export const HEAP_GROWTH_LIMIT_MIB = 4
