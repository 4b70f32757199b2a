package io.zerowire.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * What the source says about one {@code @ValueSet} interface, read but not yet validated.
 *
 * @param className the generated class's simple name, possibly unusable (the validator says so)
 * @param constants the {@code int} constants, in source order: the values
 * @param hooks the abstract methods the generated class implements ({@code value()}, {@code name()}, {@code isKnown()})
 * @param helpers the default, static and private methods, which the generated class inherits or ignores
 * @param strays every other member: neither a value, a hook nor a helper
 */
record ValueSetDeclaration(
        TypeElement element,
        AnnotationMirror mirror,
        String packageName,
        String className,
        int bits,
        String unknownPrefix,
        boolean hex,
        List<Constant> constants,
        List<ExecutableElement> hooks,
        List<ExecutableElement> helpers,
        List<Element> strays) {

    /** One value: the constant {@code int NAME = number;}. */
    record Constant(VariableElement element, String name, int value) {}

    /** Whether the generated class implements the interface, to inherit its default methods. */
    boolean implementsInterface() {
        return !hooks.isEmpty() || !helpers.isEmpty();
    }

    /** The largest number that fits in {@link #bits()} unsigned, as a long so that 32 bits fit. */
    long maxValue() {
        return (1L << bits) - 1;
    }
}
