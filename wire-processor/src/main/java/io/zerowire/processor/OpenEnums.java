package io.zerowire.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * The contract of an open enum field type: {@code public static T of(int)} that returns the known
 * constant or a value that keeps an unknown number, and {@code public int value()}.
 */
final class OpenEnums {
    private OpenEnums() {}

    /** Null when {@code type} keeps the contract, else what is missing. */
    static String problem(TypeElement type) {
        boolean of = false;
        boolean value = false;
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            boolean isPublic = method.getModifiers().contains(Modifier.PUBLIC);
            boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
            if (isPublic && isStatic && method.getSimpleName().contentEquals("of")
                    && method.getParameters().size() == 1
                    && method.getParameters().get(0).asType().getKind() == TypeKind.INT
                    && method.getReturnType().toString().equals(type.asType().toString())) {
                of = true;
            }
            if (isPublic && !isStatic && method.getSimpleName().contentEquals("value")
                    && method.getParameters().isEmpty() && method.getReturnType().getKind() == TypeKind.INT) {
                value = true;
            }
        }
        if (of && value) {
            return null;
        }
        if (!of && !value) {
            return "public static " + type.getSimpleName() + " of(int) and public int value()";
        }
        return of ? "public int value()" : "public static " + type.getSimpleName() + " of(int)";
    }

    /** Whether the type tries to be an open enum (has one of the two methods), so its problem is worth reporting. */
    static boolean looksLikeOpenEnum(TypeElement type) {
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            boolean isPublic = method.getModifiers().contains(Modifier.PUBLIC);
            boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
            boolean intParameter = method.getParameters().size() == 1
                    && method.getParameters().get(0).asType().getKind() == TypeKind.INT;
            if (isPublic && isStatic && method.getSimpleName().contentEquals("of") && intParameter) {
                return true;
            }
            if (isPublic && !isStatic && method.getSimpleName().contentEquals("value")
                    && method.getParameters().isEmpty() && method.getReturnType().getKind() == TypeKind.INT) {
                return true;
            }
        }
        return false;
    }
}
