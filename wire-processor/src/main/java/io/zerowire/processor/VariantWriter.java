package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes what variants chosen by a type field ({@code @Variants}) add to a view and a builder, and
 * the hook by which a variant's own view keeps the selecting header's checksum right.
 *
 * <p>The selecting view holds one view per variant layout, created with it; {@code wrap} verifies
 * the checksum over everything, then wraps the variant's view over the bytes after the fixed
 * fields, so that the header length includes the variant. The builder takes a variant builder,
 * writes it after the fixed fields and the type value from it.
 */
final class VariantWriter {
    private static final ClassName INCREMENTAL_CHECKSUM = ClassName.get("io.zerowire.checksum", "IncrementalChecksum");

    private final LayoutModel model;
    /** The variants, or null for a layout without a type field. */
    private final VariantModel variants;
    private final boolean coverable;

    VariantWriter(LayoutModel model) {
        this.model = model;
        this.variants = VariantModel.of(model);
        this.coverable = VariantModel.coverable(model);
    }

    /** Whether {@code field} is the type field, which the builder derives and the view does not set in place. */
    boolean selects(FieldModel field) {
        return variants != null && variants.selector().name().equals(field.name());
    }

    /** Whether the view has {@code coveredByChecksumAt}: its setters keep an enclosing checksum right. */
    boolean coverable() {
        return coverable;
    }

    // ---- view ----

    void addViewFields(TypeSpec.Builder type, ClassName view) {
        if (coverable) {
            type.addField(FieldSpec.builder(TypeName.INT, "coveringChecksumAt", Modifier.PRIVATE)
                    .addJavadoc("Array index of an enclosing header's checksum that covers this one, or -1.\n")
                    .initializer("-1")
                    .build());
        }
        if (variants == null) {
            return;
        }
        type.addType(kindEnum());
        for (Map.Entry<String, ClassName> slot : variants.slots().entrySet()) {
            type.addField(FieldSpec.builder(slot.getValue(), slot.getKey(), Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", slot.getValue())
                    .build());
        }
        type.addField(FieldSpec.builder(RuntimeTypes.PACKET_BUFFER, "variantBuffer", Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("The bytes after the fixed fields, for the variant's view to wrap; reused.\n")
                .initializer("$T.wrap(new byte[0])", RuntimeTypes.PACKET_BUFFER)
                .build());
        type.addField(FieldSpec.builder(kind(view), "kind", Modifier.PRIVATE)
                .initializer("$T.UNKNOWN", kind(view))
                .build());
    }

    private static ClassName kind(ClassName view) {
        return view.nestedClass("Kind");
    }

    private TypeSpec kindEnum() {
        String selector = variants.selector().name();
        TypeSpec.Builder kind = TypeSpec.enumBuilder("Kind")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Which variant a message is, by its {@code $L}.\n", selector);
        for (VariantModel.Variant variant : variants.variants()) {
            kind.addEnumConstant(variant.constant(), TypeSpec.anonymousClassBuilder("")
                    .addJavadoc("{@code $L} $L: {@link $T#$L()} gives its {@link $T}.\n", selector, values(variant),
                            model.viewClass(), asMethod(variant), variant.view())
                    .build());
        }
        kind.addEnumConstant("UNKNOWN", TypeSpec.anonymousClassBuilder("")
                .addJavadoc("A {@code $L} no variant names: the body is everything after the fixed fields.\n", selector)
                .build());
        return kind.build();
    }

    private static String values(VariantModel.Variant variant) {
        return variant.values().stream().map(String::valueOf).collect(Collectors.joining(" or "));
    }

    private static String asMethod(VariantModel.Variant variant) {
        return "as" + GeneratedNames.capitalized(variant.name());
    }

    /**
     * {@code wrap}'s statements, after the checksum is verified over everything: the variant's view
     * wraps the bytes after the fixed fields (its errors are the packet's), and the header grows by it.
     */
    CodeBlock wrapDispatch(ClassName view) {
        if (variants == null) {
            return CodeBlock.of("");
        }
        FieldModel selector = variants.selector();
        BitCodec codec = new BitCodec(model.endian(), model.fixedLength());
        return CodeBlock.builder()
                .addStatement("$T kind = kindOf($L)", kind(view), codec.read(selector.bitOffset(), selector.bitWidth()).bare())
                .addStatement("int variantLength = wrapVariant(kind, buffer)")
                .addStatement("headerLength += variantLength")
                .addStatement("bodyLength -= variantLength")
                .build();
    }

    /** {@code wrap}'s statements once nothing can fail any more. */
    CodeBlock wrapCommit() {
        CodeBlock.Builder code = CodeBlock.builder();
        if (variants != null) {
            code.addStatement("this.kind = kind");
        }
        if (coverable) {
            code.addStatement("this.coveringChecksumAt = -1");
        }
        return code.build();
    }

    void addViewAccessors(TypeSpec.Builder type, ClassName view) {
        if (coverable) {
            type.addMethod(MethodSpec.methodBuilder("coveredByChecksumAt")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(view)
                    .addParameter(TypeName.INT, "arrayIndex")
                    .addJavadoc("Makes the in-place setters keep right, incrementally (RFC 1624), the 16-bit checksum at "
                            + "{@code arrayIndex} of an enclosing header that covers this one: the view of a layout with "
                            + "{@code @Variants} calls it for its variant's view. The header must start an even number of "
                            + "bytes after the start of what that checksum covers; -1 for none, as after {@code wrap}.\n\n"
                            + "@return this view\n")
                    .addStatement("this.coveringChecksumAt = arrayIndex")
                    .addStatement("return this")
                    .build());
            type.addMethod(MethodSpec.methodBuilder("updateCoveringChecksum")
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(TypeName.INT, "before")
                    .addParameter(TypeName.INT, "after")
                    .addStatement("$T.putU16(array, coveringChecksumAt, $T.update16($T.u16(array, coveringChecksumAt), "
                            + "before, after))", RuntimeTypes.BYTES, INCREMENTAL_CHECKSUM, RuntimeTypes.BYTES)
                    .build());
        }
        if (variants == null) {
            return;
        }
        String selector = variants.selector().name();
        type.addMethod(MethodSpec.methodBuilder("kind")
                .addModifiers(Modifier.PUBLIC)
                .returns(kind(view))
                .addJavadoc("Which variant this message is, by its {@code $L}; {@link Kind#UNKNOWN} for a value no "
                        + "variant names.\n", selector)
                .addStatement("return kind")
                .build());
        for (VariantModel.Variant variant : variants.variants()) {
            type.addMethod(MethodSpec.methodBuilder(asMethod(variant))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(variant.view())
                    .addJavadoc("The message as {@code $L} ({@code $L} $L): the one {@link $T} this view holds, wrapped "
                            + "over the bytes after the fixed fields; its setters keep this header's checksum right.\n\n",
                            variant.name(), selector, values(variant), variant.view())
                    .addJavadoc("@throws IllegalStateException if the message is of another kind (see {@link #kind()})\n")
                    .beginControlFlow("if (kind != $T.$L)", kind(view), variant.constant())
                    .addStatement("throw new $T($S + kind + $S)", IllegalStateException.class,
                            "this " + model.layer() + " message is ", ", not " + variant.constant() + " (see kind())")
                    .endControlFlow()
                    .addStatement("return $L", variant.slot())
                    .build());
        }
        type.addMethod(kindOf(view));
        type.addMethod(wrapVariant(view));
        type.addMethod(MethodSpec.methodBuilder("variantBuffer")
                .addModifiers(Modifier.PRIVATE)
                .returns(RuntimeTypes.PACKET_BUFFER)
                .addParameter(RuntimeTypes.BUFFER_VIEW, "buffer")
                .addJavadoc("The bytes after the fixed fields, positions counted as in {@code buffer}, so that a "
                        + "variant's parse errors point into the packet.\n")
                .addStatement("int regionStart = Math.max(0, buffer.bodyStart() - buffer.position())")
                .addStatement("return variantBuffer.rewrap(buffer.array(), regionStart, buffer.bodyEnd() - regionStart)\n"
                        + ".resetBody(buffer.bodyStart() - regionStart + FIXED_LENGTH, buffer.remaining() - FIXED_LENGTH)")
                .build());
    }

    private MethodSpec kindOf(ClassName view) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("kindOf")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(kind(view))
                .addParameter(TypeName.INT, "value")
                .beginControlFlow("switch (value)");
        for (VariantModel.Variant variant : variants.variants()) {
            for (int value : variant.values()) {
                method.addCode("case $L:\n", value);
            }
            method.addStatement("$>return $T.$L$<", kind(view), variant.constant());
        }
        return method.addCode("default:\n")
                .addStatement("$>return $T.UNKNOWN$<", kind(view))
                .endControlFlow()
                .build();
    }

    /** Wraps the variant's view, unless the kind is unknown, and returns its length. */
    private MethodSpec wrapVariant(ClassName view) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("wrapVariant")
                .addModifiers(Modifier.PRIVATE)
                .returns(TypeName.INT)
                .addParameter(kind(view), "kind")
                .addParameter(RuntimeTypes.BUFFER_VIEW, "buffer")
                .addException(RuntimeTypes.PARSE_EXCEPTION)
                .beginControlFlow("switch (kind)");
        boolean covered = VariantModel.checksumCoversVariant(model);
        for (String slot : variants.slots().keySet()) {
            List<VariantModel.Variant> sharing = variants.variants().stream()
                    .filter(v -> v.slot().equals(slot)).collect(Collectors.toList());
            for (VariantModel.Variant variant : sharing) {
                method.addCode("case $L:\n", variant.constant());
            }
            method.addCode("$>");
            if (covered) {
                method.addStatement("$L.wrap(variantBuffer(buffer)).coveredByChecksumAt(buffer.bodyStart() + $L)", slot,
                        GeneratedNames.offsetConstant(model.checksum().name()));
            } else {
                method.addStatement("$L.wrap(variantBuffer(buffer))", slot);
            }
            method.addStatement("return $L.headerLength()", slot).addCode("$<");
        }
        return method.addCode("default:\n")
                .addStatement("$>return 0$<")
                .endControlFlow()
                .build();
    }

    /** {@code toString}'s statements: the kind, and the variant's fields. */
    CodeBlock toStringParts() {
        if (variants == null) {
            return CodeBlock.of("");
        }
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("text.append($S).append(kind)", ", kind=")
                .beginControlFlow("switch (kind)");
        for (String slot : variants.slots().keySet()) {
            for (VariantModel.Variant variant : variants.variants()) {
                if (variant.slot().equals(slot)) {
                    code.add("case $L:\n", variant.constant());
                }
            }
            code.addStatement("$>text.append($S).append($L)", ", ", slot).addStatement("break$<");
        }
        return code.add("default:\n").addStatement("$>break$<").endControlFlow().build();
    }

    // ---- builder ----

    void addBuilderFields(TypeSpec.Builder type) {
        if (variants == null) {
            return;
        }
        type.addField(TypeName.BOOLEAN, GeneratedNames.overrideFlag(variants.selector().name()), Modifier.PRIVATE);
        type.addField(FieldSpec.builder(RuntimeTypes.PACKET_BUILDER, "variant", Modifier.PRIVATE)
                .addJavadoc("The variant's builder, written after the fixed fields, or null.\n")
                .build());
        type.addField(FieldSpec.builder(TypeName.INT, "variantValue", Modifier.PRIVATE)
                .addJavadoc("The {@code $L} that the variant given stands for.\n", variants.selector().name())
                .build());
        type.addField(FieldSpec.builder(RuntimeTypes.SERIALIZE_TARGET, "variantTarget", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", RuntimeTypes.SERIALIZE_TARGET)
                .build());
    }

    void addBuilderSetters(TypeSpec.Builder type, ClassName builder) {
        if (variants == null) {
            return;
        }
        String selector = variants.selector().name();
        for (VariantModel.Variant variant : variants.variants()) {
            MethodSpec.Builder setter = MethodSpec.methodBuilder(variant.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder);
            boolean several = variant.values().size() > 1;
            if (several) {
                setter.addParameter(TypeName.INT, "value")
                        .addJavadoc("Makes the message {@code $L}: {@code $L}'s fields follow the fixed fields, and "
                                + "{@code $L} is {@code value} ($L)", variant.name(), variant.name(), selector, values(variant));
            } else {
                setter.addJavadoc("Makes the message {@code $L}: {@code $L}'s fields follow the fixed fields, and "
                        + "{@code $L} is $L", variant.name(), variant.name(), selector, values(variant));
            }
            setter.addParameter(variant.builder(), variant.name())
                    .addJavadoc(" unless set explicitly. The variant's builder is read when serializing.\n\n"
                            + "@return this builder\n");
            if (several) {
                setter.addJavadoc("@throws IllegalArgumentException if {@code value} is not one of $L\n", values(variant));
                String test = variant.values().stream().map(v -> "value != " + v).collect(Collectors.joining(" && "));
                setter.beginControlFlow("if ($L)", test)
                        .addStatement("throw new $T($S + value)", IllegalArgumentException.class,
                                variant.name() + " is " + selector + " " + values(variant) + ", not ")
                        .endControlFlow();
            }
            setter.addStatement("this.variant = $T.requireNonNull($L, $S)", java.util.Objects.class, variant.name(),
                            variant.name())
                    .addStatement("this.variantValue = $L", several ? "value" : variant.values().get(0))
                    .addStatement("return this");
            type.addMethod(setter.build());
        }
        type.addMethod(MethodSpec.methodBuilder("clearVariant")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc("Removes the variant given: the body follows the fixed fields, and {@code $L} is written as "
                        + "set.\n\n@return this builder\n", selector)
                .addStatement("this.variant = null")
                .addStatement("return this")
                .build());
    }

    /** The type value the builder writes: the variant's, unless set explicitly or no variant is given. */
    CodeBlock selectorValue(FieldModel field) {
        CodeBlock given = Generation.bitsOf(field, CodeBlock.of("this.$L", field.name()));
        return CodeBlock.of("($L || variant == null ? $L : variantValue)", GeneratedNames.overrideFlag(field.name()), given);
    }

    /** The builder's statement that adds the variant to the header length. */
    CodeBlock builderHeaderLength() {
        if (variants == null) {
            return CodeBlock.of("");
        }
        return CodeBlock.of("headerLength += variant == null ? 0 : variant.constraints().headerLength();\n");
    }

    /** The builder's statements that write the variant after the fixed fields, before the checksum covers it. */
    CodeBlock serialize(ClassName view) {
        if (variants == null) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .beginControlFlow("if (variant != null)")
                .addStatement("variant.serialize(variantTarget.set(array, offset + $T.FIXED_LENGTH, headerLength - $T.FIXED_LENGTH, "
                        + "offset + headerLength + bodyLength, 0), body)", view, view)
                .endControlFlow()
                .build();
    }
}
