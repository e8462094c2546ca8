package dev.camelneptune.common;

import dev.camelneptune.common.NumberOptions.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What Camel reads as the number meant passes; what it would silently read as 0 or wrap around fails, naming both. */
class NumberOptionsTest {

    @Test
    void wholeNumbersAndCamelTimesPass() {
        for (String text : new String[] { "0", "-1", "1000", "5s", "1m30s", "250ms", "2h", "1d" }) {
            assertThatCode(() -> NumberOptions.check("delay", text, Kind.LONG)).as(text).doesNotThrowAnyException();
        }
        assertThatCode(() -> NumberOptions.check("waitTimeout", "PT8H", Kind.DURATION)).doesNotThrowAnyException();
        assertThatCode(() -> NumberOptions.check("limit", "2147483647", Kind.INT)).doesNotThrowAnyException();
    }

    @Test
    void textThatIsNoNumberFailsNamingTheOptionAndTheValue() {
        for (String text : new String[] { "abc", "", "1.5", "10 s", "ten", "0x10", "5S" }) {
            assertThatThrownBy(() -> NumberOptions.check("limit", text, Kind.INT)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("limit must be a number, not '" + text + "'");
        }
    }

    @Test
    void anIsoDurationIsOnlyANumberForADurationOption() {
        // Camel reads PT5S as 0 for a plain long option, and as 5000 for a duration option
        assertThatThrownBy(() -> NumberOptions.check("delay", "PT5S", Kind.LONG))
                .hasMessage("delay must be a number, not 'PT5S'");
        assertThatThrownBy(() -> NumberOptions.check("waitTimeout", "soon", Kind.DURATION))
                .hasMessage("waitTimeout must be a number of milliseconds or a duration such as 30s or PT30S, not 'soon'");
    }

    @Test
    void aNumberTooLargeForAnIntFailsInsteadOfWrappingAround() {
        assertThatThrownBy(() -> NumberOptions.check("limit", "4294967297", Kind.INT))
                .hasMessage("limit must be a number between -2147483648 and 2147483647, not '4294967297'");
        assertThatThrownBy(() -> NumberOptions.check("commitNum", "99999999999999999999", Kind.LONG))
                .hasMessage("commitNum must be a number, not '99999999999999999999'");
    }
}
