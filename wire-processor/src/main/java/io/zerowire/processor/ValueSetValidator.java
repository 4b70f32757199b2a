package io.zerowire.processor;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Reports every mistake in a {@link ValueSetDeclaration}, on the member at fault. Nothing is
 * generated for a value set with an error.
 */
final class ValueSetValidator {
    /** The generated class's instance fields, which a constant of the same name would clash with. */
    private static final Set<String> FIELDS = Set.of("value", "name");
    /** The generated class's methods that a default or mistyped abstract method would clash with. */
    private static final Set<String> METHODS = Set.of("of", "value", "name", "isKnown");

    private final Reporter reporter;

    ValueSetValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    boolean validate(ValueSetDeclaration set) {
        int before = reporter.errorCount();
        Element type = set.element();
        String setName = type.getSimpleName().toString();
        boolean bitsOk = set.bits() >= 1 && set.bits() <= 32;
        if (!bitsOk) {
            reporter.error(type, set.mirror(), Message.VALUE_SET_BITS, set.bits(), setName);
        }
        if (!SourceVersion.isIdentifier(set.className()) || SourceVersion.isKeyword(set.className())
                || set.className().equals(setName)) {
            reporter.error(type, set.mirror(), Message.VALUE_SET_NAME, setName, set.className());
        }
        if (!set.element().getTypeParameters().isEmpty()) {
            reporter.error(type, set.mirror(), Message.VALUE_SET_NOT_AN_INTERFACE, setName);
        }
        Map<Integer, String> names = new HashMap<>();
        for (ValueSetDeclaration.Constant constant : set.constants()) {
            if (FIELDS.contains(constant.name())) {
                reporter.error(constant.element(), Message.VALUE_SET_NAME_CLASH, constant.name(), setName,
                        "field " + constant.name());
            }
            if (bitsOk && set.bits() < 32 && (constant.value() < 0 || constant.value() > set.maxValue())) {
                reporter.error(constant.element(), Message.VALUE_SET_OUT_OF_RANGE, constant.name(),
                        constant.value(), set.bits(), setName);
            }
            String first = names.putIfAbsent(constant.value(), constant.name());
            if (first != null) {
                reporter.error(constant.element(), Message.VALUE_SET_DUPLICATE, constant.name(), constant.value(),
                        first, setName);
            }
        }
        for (ExecutableElement helper : set.helpers()) {
            String name = helper.getSimpleName().toString();
            // Static and private interface methods are not inherited: only default ones can clash.
            if (helper.getModifiers().contains(Modifier.DEFAULT) && METHODS.contains(name)) {
                reporter.error(helper, Message.VALUE_SET_NAME_CLASH, name + "()", setName, name + "()");
            }
        }
        for (Element stray : set.strays()) {
            String name = stray.getSimpleName().toString();
            if (stray instanceof ExecutableElement && METHODS.contains(name)) {
                reporter.error(stray, Message.VALUE_SET_NAME_CLASH, name + "()", setName, name + "()");
            } else {
                reporter.error(stray, Message.VALUE_SET_NOT_A_VALUE, name, setName);
            }
        }
        return reporter.errorCount() == before;
    }
}
