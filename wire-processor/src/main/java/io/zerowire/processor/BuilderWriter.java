package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Endian;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the builder class of a layout: a {@code PacketBuilder} with a fluent setter per field
 * that writes the header around a body already in place, deriving constants, lengths, option
 * padding and the checksum unless a test overrides them.
 */
final class BuilderWriter {
    private final LayoutModel model;
    /** Whether the class carries {@code @Generated} (see {@code LayoutProcessor.canAnnotateGenerated}). */
    private final boolean annotateGenerated;
    private final BitCodec codec;
    private final ClassName builder;
    private final OptionalFieldWriter optionals;
    private final ParseOrderWriter order;
    private final RepeatedGroupWriter group;
    private final VariantWriter variants;

    BuilderWriter(LayoutModel model, boolean annotateGenerated) {
        this.model = model;
        this.annotateGenerated = annotateGenerated;
        this.codec = BitCodec.forLayout(model);
        this.builder = model.builderClass();
        this.optionals = new OptionalFieldWriter(model);
        this.order = new ParseOrderWriter(model);
        this.group = new RepeatedGroupWriter(model);
        this.variants = new VariantWriter(model);
    }

    TypeSpec write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(builder);
        if (annotateGenerated) {
            type.addAnnotation(Generation.generated());
        }
        type.addOriginatingElement(model.element())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(RuntimeTypes.PACKET_BUILDER)
                .addJavadoc(classJavadoc());

        for (FieldModel field : model.fields()) {
            addStorage(type, field);
        }
        optionals.addBuilderFields(type);
        order.addFields(type, true);
        group.addBuilderFields(type);
        variants.addBuilderFields(type);
        if (Generation.pseudoHeader(model)) {
            // The addresses as bits, so that answering a packet from a parsed one's bits allocates nothing.
            for (String name : pseudoAddressNames()) {
                type.addField(pseudoAddressBitsType(), name, Modifier.PRIVATE);
            }
            type.addField(TypeName.BOOLEAN, "addressesSet", Modifier.PRIVATE);
            type.addField(FieldSpec.builder(RuntimeTypes.INTERNET_CHECKSUM, "checksumAccumulator", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", RuntimeTypes.INTERNET_CHECKSUM)
                    .build());
        }
        type.addField(RuntimeTypes.PACKET_CONSTRAINTS, "cachedConstraints", Modifier.PRIVATE);
        type.addField(FieldSpec.builder(TypeName.INT, "cachedHeaderLength", Modifier.PRIVATE)
                .initializer("-1")
                .build());

        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("A builder with every field zero$L.\n",
                        model.fields().stream().anyMatch(f -> f.kind() == FieldKind.MAC || f.kind() == FieldKind.IPV4
                                || f.kind() == FieldKind.IPV6) ? " (addresses unspecified)" : "")
                .build());
        for (FieldModel field : model.fields()) {
            type.addMethod(setter(field));
            if (isAddress(field)) {
                type.addMethod(bitsSetter(field));
            }
        }
        optionals.addBuilderSetters(type, builder);
        order.addBuilderSetter(type, builder);
        group.addBuilderSetters(type, builder);
        variants.addBuilderSetters(type, builder);
        type.addMethod(copyFrom());
        if (Generation.pseudoHeader(model)) {
            type.addMethod(addresses());
            type.addMethod(addressBits());
        }
        type.addMethod(constraints());
        type.addMethod(serialize());
        return type.build();
    }

    private CodeBlock classJavadoc() {
        List<String> derived = new ArrayList<>();
        for (FieldModel field : model.fields()) {
            if (field.role().derived() || field.role() == FieldRole.OPTIONS) {
                derived.add("{@code " + field.name() + "}");
            }
        }
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("Builds $L {@code $L} header around a body, generated from {@link $T}.\n\n",
                        Generation.article(model.layer()), model.layer(), ClassName.get(model.element()))
                .add("<p>Set the fields, then stack it over a body with {@link $T#encapsulate}.",
                        ClassName.get("io.zerowire.serialize", "Serializer"));
        if (!derived.isEmpty()) {
            doc.add(" $L $L derived when serializing; setting one explicitly overrides it, to build a "
                    + "deliberately invalid packet for a test.", String.join(", ", derived),
                    derived.size() == 1 ? "is" : "are");
        }
        return doc.add(" A builder can be reused and serialized many times; it is not thread-safe.\n").build();
    }

    private void addStorage(TypeSpec.Builder type, FieldModel field) {
        String name = field.name();
        if (field.kind() == FieldKind.OPTIONS) {
            // Never null: even without options the region is padded to the format's alignment.
            type.addField(FieldSpec.builder(RuntimeTypes.OPTIONS_BUILDER, name, Modifier.PRIVATE)
                    .initializer("new $T($T.OPTION_FORMAT)", RuntimeTypes.OPTIONS_BUILDER, model.viewClass())
                    .build());
            return;
        }
        if (isAddress(field)) {
            // Kept as bits (all zero until set): the bits setters and the writes then allocate nothing.
            for (String part : addressParts(field)) {
                type.addField(addressBitsType(field), part, Modifier.PRIVATE);
            }
            if (field.role().derived()) {
                type.addField(TypeName.BOOLEAN, overridden(name), Modifier.PRIVATE);
            }
            return;
        }
        FieldSpec.Builder storage = FieldSpec.builder(field.javaType(), name, Modifier.PRIVATE);
        CodeBlock initial = initialValue(field);
        if (initial != null) {
            storage.initializer(initial);
        }
        type.addField(storage.build());
        if (field.role().derived()) {
            type.addField(TypeName.BOOLEAN, overridden(name), Modifier.PRIVATE);
        }
    }

    private static CodeBlock initialValue(FieldModel field) {
        switch (field.kind()) {
            case ENUM:
                return CodeBlock.of("$T.of(0)", field.enumType());
            case BYTES:
                return CodeBlock.of("new byte[$L]", field.byteLength());
            default:
                return null;
        }
    }

    private static String overridden(String name) {
        return GeneratedNames.overrideFlag(name);
    }

    private MethodSpec setter(FieldModel field) {
        String name = field.name();
        MethodSpec.Builder setter = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder);
        if (field.kind() == FieldKind.OPTIONS) {
            setter.addParameter(RuntimeTypes.OPTIONS_BUILDER, name)
                    .addJavadoc("Sets the options, or none with {@code null}. The options builder is read when "
                            + "serializing, so changes made to it later are included; the region is padded to the "
                            + "format's alignment and the header length follows.\n\n@return this builder\n")
                    .addStatement("this.$L = $L != null ? $L : new $T($T.OPTION_FORMAT)", name, name, name,
                            RuntimeTypes.OPTIONS_BUILDER, model.viewClass())
                    .addStatement("return this");
            return setter.build();
        }
        setter.addParameter(field.javaType(), name);
        if (isAddress(field)) {
            setter.addJavadoc("Sets {@code $L}$L; {@link #$L} takes its bits without an address object.\n\n"
                    + "@return this builder\n", name, field.role().derived() ? ", overriding the derived zeros" : "",
                    GeneratedNames.bitsGetter(name))
                    .addStatement("$T.requireNonNull($L, $S)", java.util.Objects.class, name, name);
            if (field.kind() == FieldKind.IPV6) {
                setter.addStatement("return $L($L.high(), $L.low())", GeneratedNames.bitsGetter(name), name, name);
            } else {
                setter.addStatement("return $L($L.bits())", GeneratedNames.bitsGetter(name), name);
            }
            return setter.build();
        }
        if (model.isCount(field)) {
            setter.addJavadoc("Overrides the derived {@code $L} (the number of elements given) with an explicit "
                    + "value, for deliberately invalid packets: the elements given are written all the same.\n\n", name);
        } else if (model.isGate(field)) {
            setter.addJavadoc("Overrides the derived {@code $L} (set when a field it gates is given) with an explicit "
                    + "value, for deliberately invalid packets: the fields given are written all the same.\n\n", name);
        } else if (variants.selects(field)) {
            setter.addJavadoc("Sets {@code $L}, overriding the value of the variant given, if any: an explicit value "
                    + "for deliberately invalid packets, or the type of a message without a variant.\n\n", name);
        } else if (field.role().derived()) {
            setter.addJavadoc("Overrides the derived {@code $L} ($L) with an explicit value, for deliberately "
                    + "invalid packets.\n\n", name, describeDerivation(field));
        } else {
            String width = Generation.widthPhrase(field);
            setter.addJavadoc("Sets {@code $L}, $L $L field.\n\n", name, Generation.article(width), width);
        }
        setter.addJavadoc("@return this builder\n");
        if (!field.javaType().isPrimitive()) {
            setter.addStatement("$T.requireNonNull($L, $S)", java.util.Objects.class, name, name);
        }
        setter.addCode(rangeCheck(field, name));
        if (field.kind() == FieldKind.BYTES) {
            setter.beginControlFlow("if ($L.length != $L)", name, field.byteLength())
                    .addStatement("throw new $T($S + $L.length)", IllegalArgumentException.class,
                            name + " must be " + field.byteLength() + " bytes, was ", name)
                    .endControlFlow();
            setter.addStatement("this.$L = $L.clone()", name, name);
        } else {
            setter.addStatement("this.$L = $L", name, name);
        }
        if (field.role().derived() || model.isGate(field) || model.isCount(field) || variants.selects(field)) {
            setter.addStatement("this.$L = true", overridden(name));
        }
        setter.addStatement("return this");
        return setter.build();
    }

    /**
     * {@code copyFrom(header)}: every field as {@code header} has it, so that a parsed view can be
     * written again (forwarded, answered, or rebuilt in a round-trip test). Lengths, constants and the
     * checksum are derived again; reserved fields keep their values.
     */
    private MethodSpec copyFrom() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("copyFrom")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(model.layoutType(), "header")
                .addJavadoc("Sets every field from {@code header}, typically a parsed view, to write it again: lengths,\n"
                        + "constants and the checksum are derived anew (earlier overrides are dropped), reserved\n"
                        + "fields keep their values as overrides$L.\n\n",
                        model.options() != null ? ", and the options are copied into a new options builder" : "")
                .addJavadoc("@return this builder\n");
        for (FieldModel field : model.fields()) {
            String name = field.name();
            switch (field.role()) {
                case CONST:
                case HEADER_LENGTH:
                case TOTAL_LENGTH:
                case CHECKSUM:
                    method.addStatement("this.$L = false", overridden(name));
                    break;
                case RESERVED:
                    // Copied as an override, so that a forwarded header keeps bits it does not understand.
                    method.addStatement("$L(header.$L())", name, name);
                    break;
                case OPTIONS:
                    method.addStatement("this.$L = new $T($T.OPTION_FORMAT).addAll(header.$L())", name,
                            RuntimeTypes.OPTIONS_BUILDER, model.viewClass(), name);
                    break;
                default:
                    if (model.isGate(field) || model.isCount(field)) {
                        break; // derived from the optional fields or the group's elements, below
                    }
                    // Through the setter: a layout implemented by hand gets the same checks and copies.
                    method.addStatement("$L(header.$L())", name, name);
            }
        }
        method.addCode(optionals.copyFrom());
        method.addCode(group.copyFrom());
        return method.addStatement("return this").build();
    }

    private static String describeDerivation(FieldModel field) {
        switch (field.role()) {
            case CONST:
                return "always " + field.constValue();
            case RESERVED:
                return "reserved, written as zero";
            case HEADER_LENGTH:
                return "from the header length";
            case TOTAL_LENGTH:
                return "from the body length";
            default:
                return "computed over the packet";
        }
    }

    /** Statements that reject a value that does not fit the field's bits (shared with the view's setters). */
    static CodeBlock rangeCheck(FieldModel field, String value) {
        int width = field.bitWidth();
        switch (field.kind()) {
            case INT:
            case LONG:
                boolean isLong = field.kind() == FieldKind.LONG;
                if (width == 64 || (width == 32 && field.signed())) {
                    return CodeBlock.of("");
                }
                CodeBlock condition;
                String expectation;
                if (field.signed()) {
                    long min = -(1L << (width - 1));
                    long max = (1L << (width - 1)) - 1;
                    condition = CodeBlock.of("$L < $L || $L > $L", value, literal(min, isLong), value, literal(max, isLong));
                    expectation = " must fit in " + width + " signed bits, was ";
                } else {
                    condition = CodeBlock.of("($L & ~$L) != 0", value,
                            isLong ? BitCodec.hexLong(BitCodec.mask(width)) : BitCodec.hexInt(BitCodec.mask(width)));
                    expectation = " must fit in " + width + " unsigned bits, was ";
                }
                return CodeBlock.builder()
                        .beginControlFlow("if ($L)", condition)
                        .addStatement("throw new $T($S + $L)", IllegalArgumentException.class, field.name() + expectation, value)
                        .endControlFlow()
                        .build();
            case ENUM:
                return CodeBlock.builder()
                        .beginControlFlow("if (($L.value() & ~$L) != 0)", value, BitCodec.hexInt(BitCodec.mask(width)))
                        .addStatement("throw new $T($S + $L.value())", IllegalArgumentException.class,
                                field.name() + " must fit in " + width + " unsigned bits, was ", value)
                        .endControlFlow()
                        .build();
            default:
                return CodeBlock.of("");
        }
    }

    private static String literal(long value, boolean isLong) {
        return isLong ? value + "L" : Long.toString(value);
    }

    private MethodSpec addresses() {
        ClassName address = Generation.pseudoAddressType(model);
        boolean v4 = model.pseudoHeader() == Specialization.V4;
        return MethodSpec.methodBuilder("addresses")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(address, "source")
                .addParameter(address, "destination")
                .addJavadoc("Sets the IP addresses of the pseudo-header that the checksum covers; this or the "
                        + "overload taking their bits is required before serializing.\n\n@return this builder\n")
                .addStatement("$T.requireNonNull(source, $S)", java.util.Objects.class, "source")
                .addStatement("$T.requireNonNull(destination, $S)", java.util.Objects.class, "destination")
                .addStatement(v4 ? "return addresses(source.bits(), destination.bits())"
                        : "return addresses(source.high(), source.low(), destination.high(), destination.low())")
                .build();
    }

    /** {@code addresses} from the bits of the addresses, as a parsed view or {@code PseudoHeaderAddresses} hold them. */
    private MethodSpec addressBits() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("addresses")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc("Sets the pseudo-header's addresses from their bits ($L), without allocating.\n\n"
                        + "@return this builder\n", model.pseudoHeader() == Specialization.V4
                                ? "{@code Ipv4Address.bits()}" : "{@code Ipv6Address.high()} and {@code low()} of each");
        for (String name : pseudoAddressNames()) {
            method.addParameter(pseudoAddressBitsType(), name)
                    .addStatement("this.$L = $L", name, name);
        }
        return method.addStatement("this.addressesSet = true")
                .addStatement("return this")
                .build();
    }

    private List<String> pseudoAddressNames() {
        return model.pseudoHeader() == Specialization.V4
                ? List.of("pseudoSource", "pseudoDestination")
                : List.of("pseudoSourceHigh", "pseudoSourceLow", "pseudoDestinationHigh", "pseudoDestinationLow");
    }

    private TypeName pseudoAddressBitsType() {
        return model.pseudoHeader() == Specialization.V4 ? TypeName.INT : TypeName.LONG;
    }

    private static boolean isAddress(FieldModel field) {
        return field.kind() == FieldKind.MAC || field.kind() == FieldKind.IPV4 || field.kind() == FieldKind.IPV6;
    }

    /** The storage of an address field's bits: the field's name, or its high and low halves for IPv6. */
    private static List<String> addressParts(FieldModel field) {
        return field.kind() == FieldKind.IPV6
                ? List.of(field.name() + "High", field.name() + "Low")
                : List.of(field.name());
    }

    private static TypeName addressBitsType(FieldModel field) {
        return field.kind() == FieldKind.IPV4 ? TypeName.INT : TypeName.LONG;
    }

    /** {@code sourceBits(...)}: an address field set from the bits its view's getters and the address classes give. */
    private MethodSpec bitsSetter(FieldModel field) {
        String name = field.name();
        MethodSpec.Builder setter = MethodSpec.methodBuilder(GeneratedNames.bitsGetter(name))
                .addModifiers(Modifier.PUBLIC)
                .returns(builder);
        List<String> parts = addressParts(field);
        for (String part : parts) {
            setter.addParameter(addressBitsType(field), part);
        }
        switch (field.kind()) {
            case MAC:
                setter.addJavadoc("Sets {@code $L} from its 48 bits ({@code MacAddress.bits()}), without allocating.\n\n"
                        + "@return this builder\n", name)
                        .beginControlFlow("if (($L & ~0xFFFF_FFFF_FFFFL) != 0)", name)
                        .addStatement("throw new $T($S + $T.toHexString($L))", IllegalArgumentException.class,
                                name + " must fit in 48 bits, was 0x", Long.class, name)
                        .endControlFlow();
                break;
            case IPV4:
                setter.addJavadoc("Sets {@code $L} from its bits ({@code Ipv4Address.bits()}), without allocating.\n\n"
                        + "@return this builder\n", name);
                break;
            default:
                setter.addJavadoc("Sets {@code $L} from its bits ({@code Ipv6Address.high()} and {@code low()}), "
                        + "without allocating.\n\n@return this builder\n", name);
                break;
        }
        for (String part : parts) {
            setter.addStatement("this.$L = $L", part, part);
        }
        if (field.role().derived()) {
            setter.addStatement("this.$L = true", overridden(name));
        }
        return setter.addStatement("return this").build();
    }

    /** Writes an address field's bits, network byte order like the address classes. */
    private static CodeBlock writeAddress(FieldModel field, CodeBlock at) {
        switch (field.kind()) {
            case MAC:
                return CodeBlock.builder()
                        .addStatement("$T.putU16(array, $L, (int) (this.$L >>> 32))", RuntimeTypes.BYTES, at, field.name())
                        .addStatement("$T.putI32(array, $L + 2, (int) this.$L)", RuntimeTypes.BYTES, at, field.name())
                        .build();
            case IPV4:
                return CodeBlock.of("$T.putI32(array, $L, this.$L);\n", RuntimeTypes.BYTES, at, field.name());
            default:
                return CodeBlock.builder()
                        .addStatement("$T.putI64(array, $L, this.$LHigh)", RuntimeTypes.BYTES, at, field.name())
                        .addStatement("$T.putI64(array, $L + 8, this.$LLow)", RuntimeTypes.BYTES, at, field.name())
                        .build();
        }
    }

    private MethodSpec constraints() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("constraints")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(RuntimeTypes.PACKET_CONSTRAINTS);
        FieldModel options = model.options();
        if (options != null) {
            method.addStatement("int headerLength = $T.FIXED_LENGTH + this.$L.regionLength($T.FIXED_LENGTH)",
                    model.viewClass(), options.name(), model.viewClass());
        } else {
            method.addStatement("int headerLength = $L$L", optionals.builderHeaderLength(model.viewClass()),
                    group.builderLength());
        }
        method.addCode(variants.builderHeaderLength());
        method.beginControlFlow("if (headerLength != cachedHeaderLength)");
        FieldModel headerLength = model.headerLength();
        if (headerLength != null) {
            int unit = headerLength.declaration().headerLengthUnit();
            int extra = headerLength.declaration().headerLengthOffset();
            long largest = BitCodec.mask(Math.min(headerLength.bitWidth(), 40)) * unit + extra;
            String unreachable = unit == 1 ? "" : extra == 0 ? " || headerLength % " + unit + " != 0"
                    : " || (headerLength - " + extra + ") % " + unit + " != 0";
            method.beginControlFlow("if (headerLength > $L$L)", largest > Integer.MAX_VALUE ? largest + "L" : largest,
                    unreachable)
                    .addStatement("throw new $T($S + headerLength + $S)", IllegalStateException.class,
                            "a header of ", " bytes cannot be described by " + headerLength.name()
                                    + " (units of " + unit + (extra == 0 ? "" : " plus " + extra)
                                    + ", at most " + largest + "): the options are too long")
                    .endControlFlow();
        }
        FieldModel total = model.totalLength();
        boolean ipv4PseudoHeader = Generation.pseudoHeader(model) && model.pseudoHeader() == Specialization.V4;
        if (total != null) {
            int unit = total.declaration().totalLengthUnit();
            long largest = BitCodec.mask(Math.min(total.bitWidth(), 40)) * unit;
            String maxBody = total.declaration().includesHeader() ? largest + " - headerLength" : Long.toString(largest);
            if (largest > Integer.MAX_VALUE) {
                maxBody = "(int) Math.min(" + largest + "L" + (total.declaration().includesHeader() ? " - headerLength" : "")
                        + ", Integer.MAX_VALUE)";
            }
            if (ipv4PseudoHeader && !(total.declaration().includesHeader() && largest <= 0xFFFF)) {
                maxBody = "Math.min(" + maxBody + ", 0xFFFF - headerLength)";
            }
            method.addStatement("cachedConstraints = $T.of(headerLength, 0, $L, $L)",
                    RuntimeTypes.PACKET_CONSTRAINTS, model.declaration().minBodyLength(), maxBody);
        } else if (ipv4PseudoHeader) {
            method.addComment("The IPv4 pseudo-header gives the length of header and body in 16 bits.");
            method.addStatement("cachedConstraints = $T.of(headerLength, 0, $L, 0xFFFF - headerLength)",
                    RuntimeTypes.PACKET_CONSTRAINTS, model.declaration().minBodyLength());
        } else {
            method.addStatement("cachedConstraints = $T.of(headerLength, 0, $L, $T.MAX_VALUE)",
                    RuntimeTypes.PACKET_CONSTRAINTS, model.declaration().minBodyLength(), Integer.class);
        }
        method.addStatement("cachedHeaderLength = headerLength");
        method.endControlFlow();
        method.addStatement("return cachedConstraints");
        return method.build();
    }

    private MethodSpec serialize() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("serialize")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(RuntimeTypes.SERIALIZE_TARGET, "target")
                .addParameter(RuntimeTypes.PACKET_BUFFER, "body");
        boolean pseudo = Generation.pseudoHeader(model);
        if (pseudo) {
            method.beginControlFlow("if (!addressesSet && !$L)", overridden(model.checksum().name()))
                    .addStatement("throw new $T($S)", IllegalStateException.class,
                            "the " + model.layer() + " checksum covers a pseudo-header: call addresses(source, destination) first")
                    .endControlFlow();
        }
        method.addStatement("byte[] array = target.array()")
                .addStatement("int offset = target.headerOffset()")
                .addStatement("int headerLength = target.headerLength()")
                .addStatement("int bodyLength = body.bodyLength()");

        FieldModel headerLength = model.headerLength();
        if (headerLength != null) {
            int unit = headerLength.declaration().headerLengthUnit();
            int extra = headerLength.declaration().headerLengthOffset();
            String type = headerLength.kind() == FieldKind.LONG ? "long" : "int";
            String derived = extra == 0 ? "headerLength" : "(headerLength - " + extra + ")";
            method.addStatement("$L $L = $L ? this.$L : $L$L", type, local(headerLength),
                    overridden(headerLength.name()), headerLength.name(), derived, unit == 1 ? "" : " / " + unit);
        }
        FieldModel total = model.totalLength();
        if (total != null) {
            int unit = total.declaration().totalLengthUnit();
            String length = total.declaration().includesHeader() ? "headerLength + bodyLength" : "bodyLength";
            if (unit != 1) {
                method.beginControlFlow("if (!$L && ($L) % $L != 0)", overridden(total.name()), length, unit)
                        .addStatement("throw new $T($S + ($L) + $S)", IllegalStateException.class,
                                "a length of ", length, " bytes is not a whole number of " + unit + "-byte units")
                        .endControlFlow();
            }
            String type = total.kind() == FieldKind.LONG ? "long" : "int";
            String derived = unit == 1 ? length : "(" + length + ") / " + unit;
            method.addStatement("$L $L = $L ? this.$L : $L", type, local(total), overridden(total.name()),
                    total.name(), derived);
        }

        for (List<FieldModel> run : runs()) {
            method.addCode(writeRun(run));
        }

        if (optionals.any()) {
            method.addCode(optionals.serialize(model.viewClass()));
        }
        method.addCode(group.serialize());
        method.addCode(variants.serialize(model.viewClass()));
        FieldModel options = model.options();
        if (options != null) {
            method.addStatement("this.$L.write(array, offset + $T.FIXED_LENGTH, headerLength - $T.FIXED_LENGTH)",
                    options.name(), model.viewClass(), model.viewClass());
        }

        FieldModel checksum = model.checksum();
        boolean optionalChecksum = model.optionalChecksum() != null;
        if (checksum != null) {
            method.beginControlFlow(optionalChecksum ? "if (checksumAt >= 0 && !$L)" : "if (!$L)",
                    overridden(checksum.name()));
            Checksum.Coverage covers = checksum.checksum().covers();
            ChecksumCoverageWriter coverage = new ChecksumCoverageWriter(model);
            if (coverage.any()) {
                method.addCode(coverage.builderCovered());
            }
            // With a coverage field the sum stops at covered; the pseudo-header still gives the packet's length.
            String summed = coverage.any() ? "covered" : "headerLength + bodyLength";
            switch (covers) {
                case HEADER:
                    method.addStatement("int value = $T.compute(array, offset, headerLength)", RuntimeTypes.INTERNET_CHECKSUM);
                    break;
                case HEADER_AND_BODY:
                    method.addStatement("int value = $T.compute(array, offset, $L)", RuntimeTypes.INTERNET_CHECKSUM, summed);
                    break;
                default:
                    method.addStatement("checksumAccumulator.reset()");
                    method.addCode(Generation.addRawPseudoHeader(model, String.join(", ", pseudoAddressNames()),
                            "headerLength + bodyLength"));
                    method.addStatement("int value = checksumAccumulator.add(array, offset, $L).checksum()", summed);
                    break;
            }
            if (checksum.checksum().transmitZeroAsAllOnes()) {
                method.beginControlFlow("if (value == 0)")
                        .addComment("Zero means \"no checksum\": the same value goes out as all ones.")
                        .addStatement("value = 0xFFFF")
                        .endControlFlow();
            }
            if (optionalChecksum) {
                method.addStatement("$T.putU16(array, checksumAt, value)", RuntimeTypes.BYTES);
            } else {
                method.addCode(codec.write(checksum.bitOffset(), 16, CodeBlock.of("value"), false));
            }
            method.endControlFlow();
        }
        return method.build();
    }

    private static String local(FieldModel field) {
        return field.name() + "Value";
    }

    /** Consecutive fields from one byte boundary to the next: each run is written in one go. */
    private List<List<FieldModel>> runs() {
        List<List<FieldModel>> runs = new ArrayList<>();
        List<FieldModel> current = new ArrayList<>();
        for (FieldModel field : model.fields()) {
            if (field.kind() == FieldKind.OPTIONS) {
                continue;
            }
            current.add(field);
            if ((field.bitOffset() + field.bitWidth()) % 8 == 0) {
                runs.add(current);
                current = new ArrayList<>();
            }
        }
        return runs;
    }

    /** The bits a field contributes when building, as an expression of its Java raw type. */
    private CodeBlock buildValue(FieldModel field) {
        String name = field.name();
        switch (field.role()) {
            case CONST:
                String constant = field.kind() == FieldKind.BOOLEAN
                        ? (field.constValue() != 0 ? "1" : "0")
                        : field.kind() == FieldKind.LONG ? field.constValue() + "L" : Long.toString(field.constValue());
                return CodeBlock.of("($L ? $L : $L)", overridden(name), Generation.bitsOf(field, CodeBlock.of("this.$L", name)), constant);
            case RESERVED:
                return CodeBlock.of("($L ? $L : 0)", overridden(name), Generation.bitsOf(field, CodeBlock.of("this.$L", name)));
            case HEADER_LENGTH:
            case TOTAL_LENGTH:
                return CodeBlock.of("$L", local(field));
            case CHECKSUM:
                return CodeBlock.of("($L ? this.$L : 0)", overridden(name), name);
            default:
                return model.isGate(field) ? optionals.gateValue(field)
                        : model.isCount(field) ? group.countValue(field)
                        : variants.selects(field) ? variants.selectorValue(field)
                        : Generation.bitsOf(field, CodeBlock.of("this.$L", name));
        }
    }

    private CodeBlock writeRun(List<FieldModel> run) {
        FieldModel first = run.get(0);
        if (run.size() == 1) {
            FieldModel field = first;
            CodeBlock at = BitCodec.index(field.byteOffset());
            switch (field.kind()) {
                case MAC:
                case IPV4:
                case IPV6:
                    if (field.role() == FieldRole.RESERVED) {
                        return CodeBlock.builder()
                                .beginControlFlow("if ($L)", overridden(field.name()))
                                .add(writeAddress(field, at))
                                .nextControlFlow("else")
                                .addStatement("$T.fill(array, $L, $L, (byte) 0)", Arrays.class, at,
                                        BitCodec.index(field.byteOffset() + field.byteLength()))
                                .endControlFlow()
                                .build();
                    }
                    return writeAddress(field, at);
                case BYTES:
                    if (field.role() == FieldRole.RESERVED) {
                        return CodeBlock.builder()
                                .beginControlFlow("if ($L)", overridden(field.name()))
                                .addStatement("$T.arraycopy(this.$L, 0, array, $L, $L)", System.class, field.name(), at, field.byteLength())
                                .nextControlFlow("else")
                                .addStatement("$T.fill(array, $L, $L, (byte) 0)", Arrays.class, at,
                                        BitCodec.index(field.byteOffset() + field.byteLength()))
                                .endControlFlow()
                                .build();
                    }
                    return CodeBlock.of("$T.arraycopy(this.$L, 0, array, $L, $L);\n", System.class, field.name(), at,
                            field.byteLength());
                default:
                    break;
            }
        }
        int runStart = first.bitOffset();
        FieldModel last = run.get(run.size() - 1);
        int runBits = last.bitOffset() + last.bitWidth() - runStart;
        if (runBits > 64) {
            // Too wide to assemble in a long: clear, then merge field by field.
            CodeBlock.Builder code = CodeBlock.builder()
                    .addStatement("$T.fill(array, $L, $L, (byte) 0)", Arrays.class, BitCodec.index(runStart / 8),
                            BitCodec.index((runStart + runBits) / 8));
            for (FieldModel field : run) {
                code.add(codec.write(field.bitOffset(), field.bitWidth(), buildValue(field), Generation.rawIsLong(field)));
            }
            return code.build();
        }
        if (run.size() == 1) {
            return codec.write(first.bitOffset(), first.bitWidth(), buildValue(first), Generation.rawIsLong(first));
        }
        boolean useLong = runBits > 32 || run.stream().anyMatch(Generation::rawIsLong);
        List<CodeBlock> parts = new ArrayList<>();
        for (FieldModel field : run) {
            int shift = model.endian() == Endian.BIG
                    ? runBits - (field.bitOffset() - runStart) - field.bitWidth()
                    : field.bitOffset() - runStart;
            String mask = useLong ? BitCodec.hexLong(BitCodec.mask(field.bitWidth())) : BitCodec.hexInt(BitCodec.mask(field.bitWidth()));
            CodeBlock value = buildValue(field);
            CodeBlock masked;
            if (field.kind() == FieldKind.BOOLEAN) {
                // Already 0 or 1.
                masked = useLong ? CodeBlock.of("(long) $L", value) : value;
            } else {
                masked = useLong && !Generation.rawIsLong(field)
                        ? CodeBlock.of("((long) $L & $L)", value, mask)
                        : CodeBlock.of("($L & $L)", value, mask);
            }
            parts.add(shift == 0 ? masked : CodeBlock.of("$L << $L", masked, shift));
        }
        CodeBlock value = CodeBlock.join(parts, "\n        | ");
        int bytes = runBits / 8;
        CodeBlock at = BitCodec.index(runStart / 8);
        boolean little = model.endian() == Endian.LITTLE;
        switch (bytes) {
            case 1:
                return CodeBlock.of("array[$L] = (byte) ($L);\n", at, value);
            case 2:
                return CodeBlock.of("$T.$L(array, $L, $L);\n", RuntimeTypes.BYTES, little ? "putU16le" : "putU16", at,
                        useLong ? CodeBlock.of("(int) ($L)", value) : value);
            case 4:
                return CodeBlock.of("$T.$L(array, $L, $L);\n", RuntimeTypes.BYTES, little ? "putI32le" : "putI32", at,
                        useLong ? CodeBlock.of("(int) ($L)", value) : value);
            case 8:
                return CodeBlock.of("$T.$L(array, $L, $L);\n", RuntimeTypes.BYTES, little ? "putI64le" : "putI64", at, value);
            default:
                return CodeBlock.of("$T.$L(array, $L, $L, $L);\n", RuntimeTypes.BYTES,
                        little ? "writeLittleEndian" : "writeBigEndian", at, bytes,
                        useLong ? value : CodeBlock.of("(long) ($L)", value));
        }
    }
}
