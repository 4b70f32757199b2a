package io.zerowire.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @ValueSet} interface into a {@link ValueSetDeclaration}. Like {@link LayoutReader}
 * it reports nothing: {@link ValueSetValidator} judges what it read.
 */
final class ValueSetReader {
    static final String VALUE_SET = "io.zerowire.annotations.ValueSet";

    /** The abstract methods the generated class implements, by name, with their return kinds. */
    static final Map<String, String> HOOKS = Map.of("value", "int", "name", "java.lang.String", "isKnown", "boolean");

    private final Elements elements;

    ValueSetReader(Elements elements) {
        this.elements = elements;
    }

    ValueSetDeclaration read(TypeElement type) {
        AnnotationMirror mirror = LayoutReader.Mirrors.find(type, VALUE_SET);
        String name = LayoutReader.Mirrors.stringValue(mirror, "name");
        String simpleName = type.getSimpleName().toString();
        String className = !name.isEmpty() ? name
                : simpleName.endsWith("s") ? simpleName.substring(0, simpleName.length() - 1) : "";
        List<ValueSetDeclaration.Constant> constants = new ArrayList<>();
        List<ExecutableElement> hooks = new ArrayList<>();
        List<ExecutableElement> helpers = new ArrayList<>();
        List<Element> strays = new ArrayList<>();
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && member.asType().getKind() == TypeKind.INT
                    && ((VariableElement) member).getConstantValue() instanceof Integer value) {
                constants.add(new ValueSetDeclaration.Constant((VariableElement) member,
                        member.getSimpleName().toString(), value));
            } else if (member.getKind() == ElementKind.METHOD) {
                ExecutableElement method = (ExecutableElement) member;
                if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
                    helpers.add(method);
                } else if (isHook(method)) {
                    hooks.add(method);
                } else {
                    strays.add(method);
                }
            } else {
                strays.add(member);
            }
        }
        return new ValueSetDeclaration(type, mirror, elements.getPackageOf(type).getQualifiedName().toString(),
                className, LayoutReader.Mirrors.intValue(mirror, "bits"),
                LayoutReader.Mirrors.stringValue(mirror, "unknownPrefix"),
                LayoutReader.Mirrors.booleanValue(mirror, "hex"), constants, hooks, helpers, strays);
    }

    /** An abstract method the generated class implements: {@code int value()}, {@code String name()}, {@code boolean isKnown()}. */
    static boolean isHook(ExecutableElement method) {
        String returns = HOOKS.get(method.getSimpleName().toString());
        return returns != null && method.getParameters().isEmpty() && method.getTypeParameters().isEmpty()
                && method.getReturnType().toString().equals(returns);
    }
}
