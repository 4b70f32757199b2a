package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Endian;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes what optional fields ({@code @PresentIf}) add to a view and a builder. The view finds
 * each present field's offset once, in {@code wrap}, and keeps it in a private {@code int} (-1 when
 * absent); the builder writes a field once it has been given a value and derives the flag from
 * that.
 */
final class OptionalFieldWriter {
    private final LayoutModel model;
    private final BitCodec codec;

    OptionalFieldWriter(LayoutModel model) {
        this.model = model;
        this.codec = new BitCodec(model.endian(), model.fixedLength());
    }

    boolean any() {
        return !model.optionals().isEmpty();
    }

    /** The view's private offset of a field from the header's start, -1 when absent. */
    static String at(FieldModel field) {
        return GeneratedNames.optionalOffset(field.name());
    }

    // ---- view ----

    void addViewFields(TypeSpec.Builder type) {
        for (LayoutModel.OptionalField optional : model.optionals()) {
            type.addField(TypeName.INT, at(optional.field()), Modifier.PRIVATE);
        }
    }

    /**
     * {@code wrap}'s statements that declare {@code headerLength}: the fixed length plus each present
     * field, each checked against {@code available} so that a truncated header names the field.
     */
    CodeBlock wrapHeaderLength() {
        CodeBlock.Builder code = CodeBlock.builder().addStatement("int headerLength = FIXED_LENGTH");
        for (LayoutModel.OptionalField optional : model.optionals()) {
            FieldModel field = optional.field();
            int length = field.byteLength();
            code.addStatement("int $L = -1", at(field))
                    .beginControlFlow("if ($L != 0)", codec.read(optional.gate().bitOffset(), 1).asInt())
                    .beginControlFlow("if (headerLength + $L > available)", length)
                    .addStatement("throw $T.malformed(LAYER, $S, position + headerLength, $S)", RuntimeTypes.PARSE_EXCEPTION,
                            field.name(), optional.gate().name() + " is set but the buffer ends before the " + length
                                    + "-byte " + field.name())
                    .endControlFlow()
                    .addStatement("$L = headerLength", at(field))
                    .addStatement("headerLength += $L", length)
                    .endControlFlow();
        }
        return code.build();
    }

    /** {@code wrap}'s statements that keep the offsets, once nothing can fail any more. */
    CodeBlock wrapCommit() {
        CodeBlock.Builder code = CodeBlock.builder();
        for (LayoutModel.OptionalField optional : model.optionals()) {
            code.addStatement("this.$L = $L", at(optional.field()), at(optional.field()));
        }
        return code.build();
    }

    void addViewAccessors(TypeSpec.Builder type, ClassName view) {
        for (LayoutModel.OptionalField optional : model.optionals()) {
            FieldModel field = optional.field();
            String name = field.name();
            String gate = optional.gate().name();
            type.addMethod(MethodSpec.methodBuilder(GeneratedNames.presence(name))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(TypeName.BOOLEAN)
                    .addJavadoc("Whether the header carries {@code $L}: its flag {@code $L} is set.\n", name, gate)
                    .addStatement("return $L >= 0", at(field))
                    .build());
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(field.javaType())
                    .addJavadoc("The optional {@code $L}, present when {@code $L} is set.\n\n", name, gate)
                    .addJavadoc("@throws IllegalStateException if the header does not carry it (see {@link #$L()})\n",
                            GeneratedNames.presence(name))
                    .addCode(requirePresent(optional))
                    .addStatement("return $L", read(field))
                    .build());
            type.addMethod(setter(optional, view));
        }
    }

    /**
     * The in-place setter of an optional field. Under a checksum the words it changes are summed
     * before and after (from the header's start, whose word boundaries the checksum follows) and the
     * checksum is updated incrementally; the checksum itself is set as given.
     */
    private MethodSpec setter(LayoutModel.OptionalField optional, ClassName view) {
        FieldModel field = optional.field();
        String name = field.name();
        boolean updatesChecksum = model.checksum() != null && field.role() != FieldRole.CHECKSUM;
        MethodSpec.Builder setter = MethodSpec.methodBuilder(GeneratedNames.setter(name))
                .addModifiers(Modifier.PUBLIC)
                .returns(view)
                .addParameter(field.javaType(), "value")
                .addJavadoc("Sets the optional {@code $L} in place$L.\n\n@return this view\n", name,
                        updatesChecksum ? "; the checksum is updated incrementally (RFC 1624)"
                                : field.role() == FieldRole.CHECKSUM ? ", as given: nothing is recomputed" : "")
                .addJavadoc("@throws IllegalStateException if the header does not carry it: a field cannot be added"
                        + " in place\n")
                .addCode(BuilderWriter.rangeCheck(field, "value"))
                .addCode(requirePresent(optional));
        if (updatesChecksum) {
            setter.addStatement("int wordStart = offset + ($L & ~1)", at(field))
                    .addStatement("int wordLength = (($L + $L + 1) & ~1) - ($L & ~1)", at(field), field.byteLength(), at(field))
                    .addStatement("int before = $T.sum(array, wordStart, wordLength)", RuntimeTypes.INTERNET_CHECKSUM);
        }
        setter.addStatement("$T.$L(array, offset + $L, $L, value)", RuntimeTypes.BYTES,
                little() ? "writeLittleEndian" : "writeBigEndian", at(field), field.byteLength());
        if (updatesChecksum) {
            setter.addStatement("updateChecksum(before, $T.sum(array, wordStart, wordLength))", RuntimeTypes.INTERNET_CHECKSUM);
        }
        return setter.addStatement("return this").build();
    }

    private CodeBlock requirePresent(LayoutModel.OptionalField optional) {
        FieldModel field = optional.field();
        return CodeBlock.builder()
                .beginControlFlow("if ($L < 0)", at(field))
                .addStatement("throw new $T($S)", IllegalStateException.class, "this " + model.layer() + " header has no "
                        + field.name() + ": " + optional.gate().name() + " is clear (see "
                        + GeneratedNames.presence(field.name()) + "())")
                .endControlFlow()
                .build();
    }

    private boolean little() {
        return model.endian() == Endian.LITTLE;
    }

    /** The field's value at its offset, sign-extended when signed. */
    private CodeBlock read(FieldModel field) {
        int bytes = field.byteLength();
        int width = field.bitWidth();
        boolean isLong = field.kind() == FieldKind.LONG;
        CodeBlock index = CodeBlock.of("offset + $L", at(field));
        String suffix = little() ? "le" : "";
        if (bytes == 8) {
            return CodeBlock.of("$T.i64$L(array, $L)", RuntimeTypes.BYTES, suffix, index);
        }
        if (bytes == 4 && (!isLong && field.signed())) {
            return CodeBlock.of("$T.i32$L(array, $L)", RuntimeTypes.BYTES, suffix, index);
        }
        CodeBlock raw = bytes == 1 ? CodeBlock.of("$T.u8(array, $L)", RuntimeTypes.BYTES, index)
                : bytes == 2 ? CodeBlock.of("$T.u16$L(array, $L)", RuntimeTypes.BYTES, suffix, index)
                : CodeBlock.of("$T.$L(array, $L, $L)", RuntimeTypes.BYTES,
                        little() ? "readLittleEndian" : "readBigEndian", index, bytes);
        boolean rawIsLong = bytes > 2;
        if (field.signed()) {
            // Shifted up to the sign bit and back, in the raw type's width.
            int shift = (rawIsLong ? 64 : 32) - width;
            CodeBlock extended = CodeBlock.of("$L << $L >> $L", raw, shift, shift);
            return isLong || !rawIsLong ? extended : CodeBlock.of("(int) ($L)", extended);
        }
        return isLong || !rawIsLong ? raw : CodeBlock.of("(int) $L", raw);
    }

    /** toString's part for the optional fields: each value, or {@code absent}. */
    CodeBlock toStringParts() {
        CodeBlock.Builder code = CodeBlock.builder();
        for (LayoutModel.OptionalField optional : model.optionals()) {
            FieldModel field = optional.field();
            code.addStatement("text.append($S)", ", " + field.name() + "=")
                    .beginControlFlow("if ($L < 0)", at(field))
                    .addStatement("text.append($S)", "absent")
                    .nextControlFlow("else")
                    .addStatement("text.append($L())", field.name())
                    .endControlFlow();
        }
        return code.build();
    }

    // ---- builder ----

    private Set<String> gates() {
        Set<String> gates = new LinkedHashSet<>();
        for (LayoutModel.OptionalField optional : model.optionals()) {
            gates.add(optional.gate().name());
        }
        return gates;
    }

    void addBuilderFields(TypeSpec.Builder type) {
        for (LayoutModel.OptionalField optional : model.optionals()) {
            type.addField(optional.field().javaType(), optional.field().name(), Modifier.PRIVATE);
            type.addField(TypeName.BOOLEAN, GeneratedNames.presence(optional.field().name()), Modifier.PRIVATE);
        }
        if (model.optionalChecksum() != null) {
            type.addField(TypeName.BOOLEAN, GeneratedNames.overrideFlag(model.optionalChecksum().field().name()),
                    Modifier.PRIVATE);
        }
        for (String gate : gates()) {
            type.addField(TypeName.BOOLEAN, GeneratedNames.overrideFlag(gate), Modifier.PRIVATE);
        }
    }

    void addBuilderSetters(TypeSpec.Builder type, ClassName builder) {
        LayoutModel.OptionalField checksum = model.optionalChecksum();
        if (checksum != null) {
            String name = checksum.field().name();
            type.addMethod(MethodSpec.methodBuilder(GeneratedNames.computer(name))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addJavadoc("Makes the header carry the optional checksum {@code $L}, computed when the packet is "
                            + "written (over the $L, with the checksum zero); {@code $L} is set unless set explicitly. "
                            + "This is how to ask for a checksummed header; {@link #$L(int)} gives a value instead."
                            + "\n\n@return this builder\n", name,
                            checksum.field().checksum().covers() == Checksum.Coverage.HEADER ? "header" : "header and body",
                            checksum.gate().name(), name)
                    .addStatement("this.$L = 0", name)
                    .addStatement("this.$L = true", GeneratedNames.presence(name))
                    .addStatement("this.$L = false", GeneratedNames.overrideFlag(name))
                    .addStatement("return this")
                    .build());
        }
        for (LayoutModel.OptionalField optional : model.optionals()) {
            FieldModel field = optional.field();
            String name = field.name();
            String width = Generation.widthPhrase(field);
            boolean isChecksum = optional == checksum;
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(field.javaType(), name)
                    .addJavadoc("Sets the optional {@code $L}, $L $L field: the header then carries it (and the other "
                            + "fields {@code $L} gates, zero unless given), and {@code $L} is set unless set explicitly.",
                            name, Generation.article(width), width, optional.gate().name(), optional.gate().name())
                    .addJavadoc(isChecksum ? CodeBlock.of(" The checksum is written as given, not computed (for tests of"
                            + " bad checksums); {@link #$L()} asks for a computed one.", GeneratedNames.computer(name))
                            : CodeBlock.of(""))
                    .addJavadoc("\n\n@return this builder\n")
                    .addCode(BuilderWriter.rangeCheck(field, name))
                    .addStatement("this.$L = $L", name, name)
                    .addStatement("this.$L = true", GeneratedNames.presence(name))
                    .addCode(isChecksum ? CodeBlock.of("this.$L = true;\n", GeneratedNames.overrideFlag(name))
                            : CodeBlock.of(""))
                    .addStatement("return this")
                    .build());
            type.addMethod(MethodSpec.methodBuilder(GeneratedNames.clearer(name))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addJavadoc("Forgets the optional {@code $L}: the header leaves it out (the default) unless another "
                            + "field that {@code $L} gates is given; it then carries it as zero.\n\n@return this builder\n",
                            name, optional.gate().name())
                    .addStatement("this.$L = 0", name)
                    .addStatement("this.$L = false", GeneratedNames.presence(name))
                    .addCode(isChecksum ? CodeBlock.of("this.$L = false;\n", GeneratedNames.overrideFlag(name))
                            : CodeBlock.of(""))
                    .addStatement("return this")
                    .build());
        }
    }

    /**
     * Whether any field that {@code gate} gates was given: then all of them are written (those not
     * given as zero), so that a flag never stands for fewer bytes than it promises.
     */
    private String given(String gate) {
        StringBuilder given = new StringBuilder();
        for (LayoutModel.OptionalField optional : model.optionals()) {
            if (optional.gate().name().equals(gate)) {
                given.append(given.length() == 0 ? "" : " || ").append(GeneratedNames.presence(optional.field().name()));
            }
        }
        return given.toString();
    }

    /** The flag's bit as the builder writes it: explicit when overridden, else whether a field it gates was given. */
    CodeBlock gateValue(FieldModel gate) {
        return CodeBlock.of("(($L ? this.$L : $L) ? 1 : 0)", GeneratedNames.overrideFlag(gate.name()), gate.name(),
                given(gate.name()));
    }

    /** The header length the builder writes: the fixed length plus the fields given. */
    CodeBlock builderHeaderLength(ClassName view) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.FIXED_LENGTH", view);
        for (LayoutModel.OptionalField optional : model.optionals()) {
            code.add(" + ($L ? $L : 0)", given(optional.gate().name()), optional.field().byteLength());
        }
        return code.build();
    }

    /**
     * serialize's statements that write the given fields after the fixed ones; with an optional
     * checksum, they declare its array index as {@code checksumAt}, -1 when it is not written.
     */
    CodeBlock serialize(ClassName view) {
        CodeBlock.Builder code = CodeBlock.builder().addStatement("int at = offset + $T.FIXED_LENGTH", view);
        if (model.optionalChecksum() != null) {
            code.addStatement("int checksumAt = -1");
        }
        for (LayoutModel.OptionalField optional : model.optionals()) {
            FieldModel field = optional.field();
            code.beginControlFlow("if ($L)", given(optional.gate().name()));
            if (optional == model.optionalChecksum()) {
                code.addStatement("checksumAt = at");
            }
            code
                    .addStatement("$T.$L(array, at, $L, this.$L)", RuntimeTypes.BYTES,
                            little() ? "writeLittleEndian" : "writeBigEndian", field.byteLength(), field.name())
                    .addStatement("at += $L", field.byteLength())
                    .endControlFlow();
        }
        return code.build();
    }

    /** copyFrom's statements: each field as present in {@code header}, the flags derived anew. */
    CodeBlock copyFrom() {
        CodeBlock.Builder code = CodeBlock.builder();
        for (String gate : gates()) {
            code.addStatement("this.$L = false", GeneratedNames.overrideFlag(gate));
        }
        for (LayoutModel.OptionalField optional : model.optionals()) {
            String name = optional.field().name();
            code.beginControlFlow("if (header.$L())", optional.gate().name());
            if (optional == model.optionalChecksum()) {
                code.addStatement("$L()", GeneratedNames.computer(name)); // derived anew, like a fixed checksum
            } else {
                code.addStatement("$L(header.$L())", name, name);
            }
            code
                    .nextControlFlow("else")
                    .addStatement("$L()", GeneratedNames.clearer(name))
                    .endControlFlow();
        }
        return code.build();
    }
}
