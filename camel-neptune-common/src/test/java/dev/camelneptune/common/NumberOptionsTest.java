package dev.camelneptune.common;

import dev.camelneptune.common.NumberOptions.Kind;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.component.PropertyConfigurerSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What Camel reads as the number meant passes; what it would silently read as 0 or wrap around fails, naming both. */
class NumberOptionsTest {

    /** A plain Camel, to show how Camel itself binds the text of a numeric option. */
    private static final CamelContext CAMEL = new DefaultCamelContext();

    @AfterAll
    static void stopCamel() {
        CAMEL.stop();
    }

    /**
     * The guard's reason, shown on Camel itself: the conversion every generated endpoint configurer applies to an
     * {@code int} or {@code long} option ({@code PropertyConfigurerSupport.property}) reads these texts as a number
     * nobody meant, with no error: {@code limit=abc} would be {@code limit=0}, {@code limit=4294967297} would be
     * {@code limit=1}. The check fails each of them.
     */
    @ParameterizedTest(name = "{0} as {1}: Camel reads {2}")
    @CsvSource({
            "abc, INT, 0",
            "'', INT, 0",
            "ten, INT, 0",
            "1.5, INT, 0",
            "5S, INT, 0",
            "0x10, INT, 0",
            "4294967297, INT, 1",
            "PT5S, LONG, 0" })
    void camelAloneReadsTheseAsANumberNobodyMeantAndTheCheckFailsThem(String text, Kind kind, long camelReads) {
        assertThat(camelReads(text, kind)).isEqualTo(camelReads);
        assertThatThrownBy(() -> NumberOptions.check("limit", text, kind)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit must be a number").hasMessageContaining("'" + text + "'");
    }

    /** And what the check lets through, Camel reads as the number meant. */
    @ParameterizedTest(name = "{0} as {1}: {2}")
    @CsvSource({
            "1000, INT, 1000",
            "-1, INT, -1",
            "5s, LONG, 5000",
            "1m30s, LONG, 90000",
            "250ms, LONG, 250",
            "2147483647, INT, 2147483647" })
    void whatTheCheckLetsThroughCamelReadsAsTheNumberMeant(String text, Kind kind, long meant) {
        assertThatCode(() -> NumberOptions.check("limit", text, kind)).doesNotThrowAnyException();
        assertThat(camelReads(text, kind)).isEqualTo(meant);
    }

    /** The value Camel's endpoint configurers bind for {@code text}, for an option of {@code kind}. */
    private static long camelReads(String text, Kind kind) {
        return kind == Kind.INT
                ? PropertyConfigurerSupport.property(CAMEL, int.class, text)
                : PropertyConfigurerSupport.property(CAMEL, long.class, text);
    }

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
