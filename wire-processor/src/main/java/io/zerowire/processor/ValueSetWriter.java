package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;

/**
 * Writes the open enum of a valid {@link ValueSetDeclaration}: the same shape as the hand-written
 * open enums of {@code protocols} (a private constructor, a constant per value, {@code of},
 * {@code value}, {@code isKnown}, {@code name}, equality by number), with {@code of} a switch so that
 * a known number costs no allocation, and an unknown one a new value that keeps it.
 */
final class ValueSetWriter {
    private final ValueSetDeclaration set;
    private final Elements elements;
    private final boolean annotateGenerated;
    private final ClassName type;

    ValueSetWriter(ValueSetDeclaration set, Elements elements, boolean annotateGenerated) {
        this.set = set;
        this.elements = elements;
        this.annotateGenerated = annotateGenerated;
        this.type = ClassName.get(set.packageName(), set.className());
    }

    TypeSpec write() {
        TypeSpec.Builder spec = TypeSpec.classBuilder(type);
        if (annotateGenerated) {
            spec.addAnnotation(Generation.generated());
        }
        spec.addOriginatingElement(set.element())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classJavadoc());
        if (set.implementsInterface()) {
            spec.addSuperinterface(ClassName.get(set.element()));
        }
        for (ValueSetDeclaration.Constant constant : set.constants()) {
            String doc = elements.getDocComment(constant.element());
            spec.addField(FieldSpec.builder(type, constant.name(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(doc != null ? CodeBlock.of("$L", doc.strip() + "\n")
                            : CodeBlock.of("{@code $L} ({@code $L}).\n", constant.name(), literal(constant.value())))
                    .initializer("new $T($L, $S)", type, literal(constant.value()), constant.name())
                    .build());
        }
        spec.addField(TypeName.INT, "value", Modifier.PRIVATE, Modifier.FINAL)
                .addField(String.class, "name", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(TypeName.INT, "value")
                        .addParameter(String.class, "name")
                        .addStatement("this.value = value")
                        .addStatement("this.name = name")
                        .build())
                .addMethod(of())
                .addMethod(MethodSpec.methodBuilder("value")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.INT)
                        .addJavadoc("The $L-bit number$L.\n", set.bits(), set.bits() == 32 ? " (unsigned, as an int)" : "")
                        .addStatement("return value")
                        .build())
                .addMethod(MethodSpec.methodBuilder("isKnown")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.BOOLEAN)
                        .addJavadoc("Whether this is one of the named constants.\n")
                        .addStatement("return name != null")
                        .build())
                .addMethod(MethodSpec.methodBuilder("name")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addJavadoc("The constant's name, such as {@code $S}, or {@code $S} for an unnamed number.\n",
                                set.constants().isEmpty() ? "NAME" : set.constants().get(0).name(),
                                set.unknownPrefix() + exampleNumber())
                        .addStatement("return name != null ? name : $L", unknownName())
                        .build())
                .addMethod(MethodSpec.methodBuilder("equals")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.BOOLEAN)
                        .addParameter(Object.class, "other")
                        .addStatement("return other instanceof $T && (($T) other).value == value", type, type)
                        .build())
                .addMethod(MethodSpec.methodBuilder("hashCode")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.INT)
                        .addStatement("return $T.hashCode(value)", Integer.class)
                        .build())
                .addMethod(toStringMethod());
        return spec.build();
    }

    private CodeBlock classJavadoc() {
        CodeBlock.Builder doc = CodeBlock.builder();
        String declared = elements.getDocComment(set.element());
        if (declared != null && !declared.isBlank()) {
            doc.add("$L\n\n<p>", declared.strip());
        }
        return doc.add("An open enum of $L-bit numbers, generated from the value set {@code $L}:\n"
                        + "{@link #of(int)} returns the named constant for a known number, without allocating, and\n"
                        + "otherwise a new value that keeps the number; {@link #isKnown()} tells them apart. Values are\n"
                        + "equal when their numbers are.\n",
                        set.bits(), set.element().getSimpleName())
                .build();
    }

    private MethodSpec of() {
        MethodSpec.Builder of = MethodSpec.methodBuilder("of")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(type)
                .addParameter(TypeName.INT, "value")
                .addJavadoc("The value with this number: a named constant when known, else a new value that keeps the number.\n");
        if (set.bits() < 32) {
            of.addJavadoc("\n@throws IllegalArgumentException if {@code value} does not fit in $L unsigned bits\n", set.bits())
                    .beginControlFlow("if ((value & ~$L) != 0)", BitCodec.hexInt(set.maxValue()))
                    .addStatement("throw new $T($S + value)", IllegalArgumentException.class,
                            Generation.article(set.className()) + " " + set.className() + " is " + set.bits()
                                    + " unsigned bits, was ")
                    .endControlFlow();
        }
        if (set.constants().isEmpty()) {
            return of.addStatement("return new $T(value, null)", type).build();
        }
        of.beginControlFlow("switch (value)");
        for (ValueSetDeclaration.Constant constant : set.constants()) {
            of.addStatement("case $L: return $L", literal(constant.value()), constant.name());
        }
        return of.addStatement("default: return new $T(value, null)", type)
                .endControlFlow()
                .build();
    }

    private MethodSpec toStringMethod() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class);
        if (set.unknownPrefix().isEmpty()) {
            // An unknown value's name is its number already: say it once.
            return method.addStatement("return name != null ? name + \"(\" + $L + \")\" : name()", number()).build();
        }
        return method.addStatement("return name() + \"(\" + $L + \")\"", number()).build();
    }

    /** The name of an unknown {@code value}: the prefix, then the number. */
    private CodeBlock unknownName() {
        if (!set.unknownPrefix().isEmpty()) {
            return CodeBlock.of("$S + $L", set.unknownPrefix(), number());
        }
        return set.hex() || set.bits() == 32 ? number() : CodeBlock.of("$T.toString(value)", Integer.class);
    }

    /** The number of {@code value} as names and {@code toString()} show it. */
    private CodeBlock number() {
        if (set.hex()) {
            return CodeBlock.of("$T.format($S, value)", String.class, "0x%0" + hexDigits() + "x");
        }
        return set.bits() == 32 ? CodeBlock.of("$T.toUnsignedString(value)", Integer.class) : CodeBlock.of("value");
    }

    private String exampleNumber() {
        int example = (int) Math.min(set.maxValue(), 200);
        return set.hex() ? String.format("0x%0" + hexDigits() + "x", example) : Integer.toString(example);
    }

    private int hexDigits() {
        return (set.bits() + 3) / 4;
    }

    /** A value as the source of the generated class writes it. */
    private String literal(int value) {
        return set.hex() ? String.format("0x%0" + hexDigits() + "X", value) : Integer.toString(value);
    }
}
