package io.ipcbench.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenFileLimitTest {
    @Test
    void tooManyConnectionsForTheLimitIsAUserErrorWithTheFix() {
        long limit = OpenFileLimit.softLimit();
        org.junit.jupiter.api.Assumptions.assumeTrue(limit > 0 && limit < Integer.MAX_VALUE / 2,
                "the open-file limit is unknown or unlimited here");
        Main.UserError error = assertThrows(Main.UserError.class, () -> OpenFileLimit.check((int) limit));
        assertTrue(error.getMessage().contains("ulimit -n"), error.getMessage());
    }

    @Test
    void aFewConnectionsPass() {
        OpenFileLimit.check(8);
    }
}
