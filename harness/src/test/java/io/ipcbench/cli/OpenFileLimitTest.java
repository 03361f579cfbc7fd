package io.ipcbench.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ipcbench.command.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The open-file check draws its line where each side's descriptors run out, and names the fix. */
@Timeout(10)
class OpenFileLimitTest {
    private static long knownLimit() {
        long limit = OpenFileLimit.softLimit();
        assumeTrue(limit > OpenFileLimit.JVM_OWN + 1 && limit < Integer.MAX_VALUE / 2,
                "the open-file limit is unknown or unlimited here: " + limit);
        return limit;
    }

    @Test
    void theMostConnectionsThatFitPassAndOneMoreIsAUserErrorWithTheFix() {
        long limit = knownLimit();
        int most = (int) (limit - OpenFileLimit.JVM_OWN);
        assertDoesNotThrow(() -> OpenFileLimit.check(most));
        UserError error = assertThrows(UserError.class, () -> OpenFileLimit.check(most + 1));
        assertTrue(error.getMessage().contains("ulimit -n"), error.getMessage());
        assertTrue(error.getMessage().contains("the limit here is " + limit), error.getMessage());
    }
}
