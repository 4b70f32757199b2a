package io.zerowire.processor.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic in the processor's {@code Message} enum has at least one enabled test, marked
 * {@link Diagnoses}: adding a message without a test, or renaming one, fails here.
 */
class MessageCoverageTest {
    private static final List<Class<?>> TESTS = List.of(
            LayoutDiagnosticsTest.class, FieldDiagnosticsTest.class, RoleDiagnosticsTest.class,
            NameClashDiagnosticsTest.class, OptionalFieldDiagnosticsTest.class, ValueSetDiagnosticsTest.class,
            ParseOrderDiagnosticsTest.class, ChecksumCoverageDiagnosticsTest.class, RepeatedGroupDiagnosticsTest.class,
            OptionHeaderDiagnosticsTest.class, VariantDiagnosticsTest.class);

    private static Set<String> messages() throws ClassNotFoundException {
        // Message is package-private in io.zerowire.processor; its constants are still readable.
        Object[] constants = Class.forName("io.zerowire.processor.Message").getEnumConstants();
        return Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> covered(boolean includeDisabled) {
        Set<String> covered = new TreeSet<>();
        for (Class<?> test : TESTS) {
            for (Method method : test.getDeclaredMethods()) {
                Diagnoses diagnoses = method.getAnnotation(Diagnoses.class);
                if (diagnoses != null && (includeDisabled || !method.isAnnotationPresent(Disabled.class))) {
                    covered.addAll(Arrays.asList(diagnoses.value()));
                }
            }
        }
        return covered;
    }

    @Test
    void everyMessageHasAnEnabledTest() throws ClassNotFoundException {
        Set<String> missing = messages();
        missing.removeAll(covered(false));
        assertEquals(Set.of(), missing, "diagnostics without an enabled test");
    }

    @Test
    void testsNameOnlyExistingMessages() throws ClassNotFoundException {
        Set<String> unknown = covered(true);
        unknown.removeAll(messages());
        assertEquals(Set.of(), unknown, "@Diagnoses names messages that Message does not have");
    }

    @Test
    void theCoverageCheckSeesTheTests() throws ClassNotFoundException {
        assertTrue(messages().size() > 30, "Message has " + messages().size() + " constants");
        assertTrue(covered(false).contains("NOT_AN_INTERFACE"));
    }
}
