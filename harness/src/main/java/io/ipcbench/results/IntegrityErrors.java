package io.ipcbench.results;

/** Replies that failed the client's checks: wrong length, wrong sequence number, or wrong bytes. */
public record IntegrityErrors(long wrongSize, long wrongSequence, long wrongContent) {
    public static final IntegrityErrors NONE = new IntegrityErrors(0, 0, 0);

    public long total() {
        return wrongSize + wrongSequence + wrongContent;
    }
}
