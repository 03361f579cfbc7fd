package io.ipcbench.claims;

/** How a claim's parts add up to its verdict. */
enum Quantifier {
    /** A claim about every size and setting ("X is faster than Y"): it holds only where every part holds. */
    EVERY,
    /** A claim that something can happen ("TCP can beat Unix sockets"): one part that holds is enough. */
    SOME
}
