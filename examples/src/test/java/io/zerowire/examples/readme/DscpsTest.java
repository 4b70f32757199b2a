package io.zerowire.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** README, "Declaring a header": the open enum generated from {@link Dscps} does what the README says. */
class DscpsTest {
    @Test
    void generatedDscpNamesKnownAndUnknownNumbers() {
        assertThat(Dscp.of(46)).isSameAs(Dscp.EF).hasToString("EF(46)");
        assertThat(Dscp.EF.name()).isEqualTo("EF");
        Dscp unknown = Dscp.of(12);
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.name()).isEqualTo("DSCP_12");
        assertThat(unknown).hasToString("DSCP_12(12)").isEqualTo(Dscp.of(12));
        assertThat(Dscp.CS1.isClassSelector()).isTrue();
        assertThat(Dscp.AF11.isClassSelector()).isFalse();
        assertThatThrownBy(() -> Dscp.of(64)).isInstanceOf(IllegalArgumentException.class);
    }
}
