package io.zerowire.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.zerowire.annotations.Checksum;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the view class of a layout: a final, reusable flyweight over a header's bytes that
 * validates once in {@code wrap} and afterwards reads and edits fields in place without failing.
 */
final class ViewWriter {
    private static final Modifier[] PUBLIC_STATIC_FINAL = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};

    private final LayoutModel model;
    /** Whether the class carries {@code @Generated} (see {@code LayoutProcessor.canAnnotateGenerated}). */
    private final boolean annotateGenerated;
    private final BitCodec codec;
    private final ClassName view;
    private final OptionalFieldWriter optionals;
    private final ParseOrderWriter order;
    private final ChecksumCoverageWriter coverage;
    private final RepeatedGroupWriter group;
    private final VariantWriter variants;

    ViewWriter(LayoutModel model, boolean annotateGenerated) {
        this.model = model;
        this.annotateGenerated = annotateGenerated;
        this.codec = BitCodec.forLayout(model);
        this.view = model.viewClass();
        this.optionals = new OptionalFieldWriter(model);
        this.order = new ParseOrderWriter(model);
        this.coverage = new ChecksumCoverageWriter(model);
        this.group = new RepeatedGroupWriter(model);
        this.variants = new VariantWriter(model);
    }

    TypeSpec write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(view);
        if (annotateGenerated) {
            type.addAnnotation(Generation.generated());
        }
        type.addOriginatingElement(model.element())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(model.layoutType())
                .addJavadoc(classJavadoc());

        type.addField(FieldSpec.builder(TypeName.INT, "FIXED_LENGTH", PUBLIC_STATIC_FINAL)
                .addJavadoc(model.options() != null ? "Bytes of the fixed fields, before the options.\n"
                        : optionals.any() ? "Bytes of the fixed fields, before the optional ones.\n"
                        : group.any() ? "Bytes of the fixed fields, before the repeated group.\n"
                        : "Bytes of the header.\n")
                .initializer("$L", model.fixedLength())
                .build());
        type.addField(FieldSpec.builder(String.class, "LAYER", PUBLIC_STATIC_FINAL)
                .addJavadoc("The layer name in parse errors.\n")
                .initializer("$S", model.layer())
                .build());
        for (FieldModel field : model.fields()) {
            if (field.wholeBytes() && field.kind() != FieldKind.OPTIONS) {
                type.addField(FieldSpec.builder(TypeName.INT, GeneratedNames.offsetConstant(field.name()), PUBLIC_STATIC_FINAL)
                        .addJavadoc("Byte offset of {@code $L} from the start of the header.\n", field.name())
                        .initializer("$L", field.byteOffset())
                        .build());
            }
        }
        if (model.options() != null) {
            type.addField(FieldSpec.builder(RuntimeTypes.OPTION_FORMAT, "OPTION_FORMAT", PUBLIC_STATIC_FINAL)
                    .addJavadoc("The rules of the option region.\n")
                    .initializer(Generation.optionFormat(model))
                    .build());
        }

        type.addField(ArrayTypeName.of(TypeName.BYTE), "array", Modifier.PRIVATE);
        type.addField(TypeName.INT, "offset", Modifier.PRIVATE);
        type.addField(TypeName.INT, "headerLength", Modifier.PRIVATE);
        type.addField(TypeName.INT, "bodyLength", Modifier.PRIVATE);
        optionals.addViewFields(type);
        order.addFields(type, false);
        group.addViewFields(type);
        variants.addViewFields(type, view);
        if (Generation.pseudoHeader(model)) {
            // The addresses are kept as their bits, so that a wrap from raw bits allocates nothing.
            for (ParameterSpec raw : rawPseudoParameters()) {
                type.addField(raw.type(), "pseudo" + Character.toUpperCase(raw.name().charAt(0)) + raw.name().substring(1),
                        Modifier.PRIVATE);
            }
            type.addField(FieldSpec.builder(RuntimeTypes.INTERNET_CHECKSUM, "checksumAccumulator", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", RuntimeTypes.INTERNET_CHECKSUM)
                    .build());
        }
        if (model.options() != null) {
            type.addField(FieldSpec.builder(RuntimeTypes.OPTIONS_ITERATOR, "options", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", RuntimeTypes.OPTIONS_ITERATOR)
                    .build());
            type.addField(FieldSpec.builder(TypeName.LONG, "optionList", Modifier.PRIVATE)
                    .addJavadoc("What {@code wrap}'s walk found, so that {@code options()} does not walk again.\n")
                    .build());
        }

        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("An empty view, for reuse: {@link #wrap} it before reading.\n")
                .build());
        addParseMethods(type);
        type.addMethod(wrapMethod());
        addStructureAccessors(type);
        for (FieldModel field : model.fields()) {
            addFieldAccessors(type, field);
        }
        optionals.addViewAccessors(type, view);
        order.addViewAccessor(type);
        group.addViewAccessors(type, view);
        variants.addViewAccessors(type, view);
        if (model.checksum() != null) {
            type.addMethod(coverage.any() ? coverage.checksumValid(rawPseudoArguments("pseudo")) : checksumValid());
            type.addMethod(checksumOver());
            if (coverage.any()) {
                type.addMethod(coverage.coveredMethod());
            }
            if (hasChecksummedSetters()) {
                type.addMethod(updateChecksum());
            }
        }
        type.addMethods(GenericViewWriter.pseudoHeaderAccessors(model));
        type.addMethod(toStringMethod());
        return type.build();
    }

    private CodeBlock classJavadoc() {
        String example = Generation.pseudoHeader(model)
                ? "$T header = $T.parse(buffer, source, destination);\n"
                : "$T header = $T.parse(buffer);\n";
        List<String> checks = new java.util.ArrayList<>(List.of("length"));
        model.fields().stream().filter(f -> f.role() == FieldRole.CONST).findFirst().ifPresent(f -> checks.add("constants"));
        if (model.headerLength() != null || model.totalLength() != null) {
            checks.add("length fields");
        }
        if (optionals.any()) {
            checks.add("optional fields");
        }
        if (group.any()) {
            checks.add("repeated group");
        }
        if (model.options() != null) {
            checks.add("options");
        }
        if (model.checksum() != null) {
            checks.add("checksum");
        }
        return CodeBlock.builder()
                .add("A zero-copy view of $L {@code $L} header, generated from {@link $T}.\n\n",
                        Generation.article(model.layer()), model.layer(), ClassName.get(model.element()))
                .add("<p>{@code wrap} validates the header once ($L), consumes it from the buffer and leaves the "
                        + "body; afterwards no accessor can fail$L. Setters edit the bytes in place$L. One view can be "
                        + "re-wrapped for every packet, so a parse loop allocates nothing.\n\n",
                        String.join(", ", checks),
                        optionals.any() ? ", except on an optional field the header does not carry" : "",
                        model.checksum() != null ? " and keep the checksum right" : "")
                .add("<pre>{@code\n")
                .add(example, view, view)
                .add("}</pre>\n")
                .build();
    }

    private List<ParameterSpec> pseudoParameters() {
        if (!Generation.pseudoHeader(model)) {
            return List.of();
        }
        ClassName address = Generation.pseudoAddressType(model);
        return List.of(ParameterSpec.builder(address, "source").build(),
                ParameterSpec.builder(address, "destination").build());
    }

    private String pseudoArguments() {
        return Generation.pseudoHeader(model) ? ", source, destination" : "";
    }

    /**
     * The pseudo-header addresses as primitives: an IPv4 address's 32 bits in an {@code int}, an IPv6
     * address's two halves in two {@code long}s (the form {@code PseudoHeader} takes).
     */
    private List<ParameterSpec> rawPseudoParameters() {
        if (!Generation.pseudoHeader(model)) {
            return List.of();
        }
        if (model.pseudoHeader() == Specialization.V4) {
            return List.of(ParameterSpec.builder(TypeName.INT, "source").build(),
                    ParameterSpec.builder(TypeName.INT, "destination").build());
        }
        return List.of(ParameterSpec.builder(TypeName.LONG, "sourceHigh").build(),
                ParameterSpec.builder(TypeName.LONG, "sourceLow").build(),
                ParameterSpec.builder(TypeName.LONG, "destinationHigh").build(),
                ParameterSpec.builder(TypeName.LONG, "destinationLow").build());
    }

    /** The raw parameters' names as arguments, each with {@code prefix} (capitalizing the name after one). */
    private String rawPseudoArguments(String prefix) {
        StringBuilder arguments = new StringBuilder();
        for (ParameterSpec raw : rawPseudoParameters()) {
            String name = prefix.isEmpty() ? raw.name()
                    : prefix + Character.toUpperCase(raw.name().charAt(0)) + raw.name().substring(1);
            arguments.append(", ").append(name);
        }
        return arguments.toString();
    }

    /** The address objects {@code source} and {@code destination} taken apart into raw arguments. */
    private String addressesAsRawArguments() {
        if (!Generation.pseudoHeader(model)) {
            return "";
        }
        return model.pseudoHeader() == Specialization.V4
                ? ", source.bits(), destination.bits()"
                : ", source.high(), source.low(), destination.high(), destination.low()";
    }

    /** The private wrap's last argument: only layouts with a total length can parse a cut-short quote. */
    private String quotedArgument(boolean quoted) {
        return model.totalLength() != null ? ", " + quoted : "";
    }

    private boolean verifiesOnParse() {
        return model.checksum() != null && model.checksum().checksum().verify() == Checksum.Verify.ON_PARSE;
    }

    private void addParseMethods(TypeSpec.Builder type) {
        String addresses = Generation.pseudoHeader(model)
                ? " The addresses are the enclosing IP packet's, for the pseudo-header checksum." : "";
        type.addMethod(MethodSpec.methodBuilder("parse")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(view)
                .addParameter(RuntimeTypes.BUFFER_VIEW, "buffer")
                .addParameters(pseudoParameters())
                .addParameters(order.parameters())
                .addException(RuntimeTypes.PARSE_EXCEPTION)
                .addJavadoc("Parses a header from the front of {@code buffer} into a new view.$L\n\n", addresses)
                .addJavadoc(order.parameterDoc())
                .addJavadoc("@throws ParseException if the bytes are not a valid header; the buffer is then unchanged\n")
                .addStatement("return new $T().wrap(buffer$L$L)", view, pseudoArguments(), order.arguments())
                .build());
        MethodSpec.Builder wrap = MethodSpec.methodBuilder("wrap")
                .addModifiers(Modifier.PUBLIC)
                .returns(view)
                .addParameter(RuntimeTypes.BUFFER_VIEW, "buffer")
                .addParameters(pseudoParameters())
                .addParameters(order.parameters())
                .addException(RuntimeTypes.PARSE_EXCEPTION)
                .addJavadoc("Points this view at the header at the front of {@code buffer}, validating it$L, and "
                        + "consumes the header (and any padding after the packet) from the buffer.\n\n",
                        verifiesOnParse() ? " and its checksum" : "")
                .addJavadoc(order.parameterDoc())
                .addJavadoc("@return this view\n")
                .addJavadoc("@throws ParseException if the bytes are not a valid header; the buffer and this view are then unchanged\n")
                .addStatement("return wrap(buffer$L$L, $L$L)", addressesAsRawArguments(), order.privateArgument(),
                        verifiesOnParse(), quotedArgument(false));
        type.addMethod(wrap.build());
        if (Generation.pseudoHeader(model)) {
            type.addMethod(rawWrap("wrap", CodeBlock.of("Like {@link #wrap($T, $T, $T)}", RuntimeTypes.BUFFER_VIEW,
                    Generation.pseudoAddressType(model), Generation.pseudoAddressType(model)), verifiesOnParse(), false));
        }
        if (model.totalLength() != null) {
            addParseVariant(type, "Quoted",
                    CodeBlock.of("Like {@link #wrapQuoted} into a new view.\n\n"
                            + "@throws ParseException if the bytes are not a valid header; the buffer is then unchanged\n"),
                    CodeBlock.of("Points this view at a packet quoted in an error message (such as the datagram an\n"
                            + "ICMP error carries), which may be cut short: like {@link #wrap} without checksum\n"
                            + "verification, except that {@code $L} may claim more bytes than the buffer holds;\n"
                            + "the body is then what the buffer holds. The whole header must be present.\n\n"
                            + "@return this view\n"
                            + "@throws ParseException if the bytes are not a valid header; the buffer and this view are "
                            + "then unchanged\n", model.totalLength().name()),
                    true);
        }
        if (verifiesOnParse()) {
            addParseVariant(type, "Unverified",
                    CodeBlock.of("Like {@link #parse} but without verifying the checksum (see {@link #checksumValid()}).\n"),
                    CodeBlock.of("Like {@link #wrap} but without verifying the checksum (see {@link #checksumValid()}).\n"),
                    false);
        }
    }

    /** A static {@code parse<suffix>} and an instance {@code wrap<suffix>}: both call the private wrap unverified. */
    private void addParseVariant(TypeSpec.Builder type, String suffix, CodeBlock parseDoc, CodeBlock wrapDoc,
            boolean quoted) {
        type.addMethod(MethodSpec.methodBuilder("parse" + suffix)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(view)
                .addParameter(RuntimeTypes.BUFFER_VIEW, "buffer")
                .addParameters(pseudoParameters())
                .addParameters(order.parameters())
                .addException(RuntimeTypes.PARSE_EXCEPTION)
                .addJavadoc(parseDoc)
                .addStatement("return new $T().wrap$L(buffer$L$L)", view, suffix, pseudoArguments(), order.arguments())
                .build());
        type.addMethod(MethodSpec.methodBuilder("wrap" + suffix)
                .addModifiers(Modifier.PUBLIC)
                .returns(view)
                .addParameter(RuntimeTypes.BUFFER_VIEW, "buffer")
                .addParameters(pseudoParameters())
                .addParameters(order.parameters())
                .addException(RuntimeTypes.PARSE_EXCEPTION)
                .addJavadoc(wrapDoc)
                .addStatement("return wrap(buffer$L$L, false$L)", addressesAsRawArguments(), order.privateArgument(),
                        quotedArgument(quoted))
                .build());
        if (Generation.pseudoHeader(model)) {
            type.addMethod(rawWrap("wrap" + suffix, CodeBlock.of("Like {@link #wrap$L($T, $T, $T)}", suffix,
                    RuntimeTypes.BUFFER_VIEW, Generation.pseudoAddressType(model), Generation.pseudoAddressType(model)),
                    false, quoted));
        }
    }

    /**
     * An instance {@code wrap} variant that takes the pseudo-header addresses as raw bits, read
     * without allocating from the enclosing IP header: the form a steady-state parse loop uses.
     */
    private MethodSpec rawWrap(String name, CodeBlock like, boolean verify, boolean quoted) {
        String bits = model.pseudoHeader() == Specialization.V4
                ? "each IPv4 address as its 32 bits (as {@code Ipv4Address.bits()})"
                : "each IPv6 address as its first and last 64 bits (as {@code Ipv6Address.high()} and {@code low()})";
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(view)
                .addParameter(RuntimeTypes.BUFFER_VIEW, "buffer")
                .addParameters(rawPseudoParameters())
                .addException(RuntimeTypes.PARSE_EXCEPTION)
                .addJavadoc(like)
                .addJavadoc(", with the pseudo-header addresses given as primitives, $L: nothing is allocated.\n\n", bits)
                .addJavadoc("@return this view\n")
                .addJavadoc("@throws ParseException if the bytes are not a valid header; the buffer and this view are then unchanged\n")
                .addStatement("return wrap(buffer$L, $L$L)", rawPseudoArguments(""), verify, quotedArgument(quoted))
                .build();
    }

    private MethodSpec wrapMethod() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("wrap")
                .addModifiers(Modifier.PRIVATE)
                .returns(view)
                .addParameter(RuntimeTypes.BUFFER_VIEW, "buffer")
                .addParameters(rawPseudoParameters())
                .addParameters(order.privateParameters())
                .addParameter(TypeName.BOOLEAN, "verifyChecksum")
                .addException(RuntimeTypes.PARSE_EXCEPTION);
        if (model.totalLength() != null) {
            method.addParameter(TypeName.BOOLEAN, "quoted");
        }
        method.addStatement("byte[] array = buffer.array()")
                .addStatement("int offset = buffer.bodyStart()")
                .addStatement("int available = buffer.remaining()")
                .addStatement("int position = buffer.position()");
        method.beginControlFlow("if (available < FIXED_LENGTH)")
                .addStatement("throw $T.malformed(LAYER, $S, position, $S)", RuntimeTypes.PARSE_EXCEPTION, "",
                        "shorter than the " + model.fixedLength() + "-byte fixed header")
                .endControlFlow();
        method.addCode(order.wrapOrder());

        for (FieldModel field : model.fields()) {
            if (field.role() == FieldRole.CONST && !order.isMark(field)) {
                CodeBlock raw = rawRead(field);
                // The raw read is not sign-extended: compare with the constant's bits (a signed -2 in 8 bits is 254).
                long bits = field.constValue() & BitCodec.mask(field.bitWidth());
                CodeBlock expected = field.kind() == FieldKind.LONG
                        ? CodeBlock.of("$LL", bits)
                        : CodeBlock.of("$L", (int) bits);
                method.beginControlFlow("if ($L != $L)", raw, expected)
                        .addStatement("throw $T.malformed(LAYER, $S, $L, $S)", RuntimeTypes.PARSE_EXCEPTION,
                                field.name(), errorOffset(field), "must be " + field.constValue())
                        .endControlFlow();
            }
        }

        FieldModel headerLength = model.headerLength();
        if (headerLength != null) {
            int unit = headerLength.declaration().headerLengthUnit();
            int extra = headerLength.declaration().headerLengthOffset();
            // int arithmetic where the largest value fits (every real header): smaller code, which
            // keeps wrap under the JIT's inlining limit; long only where the unit could overflow an int.
            boolean headerFitsInt = fitsInt(maxLength(headerLength, unit), extra);
            method.addStatement("$L headerLength = $L$L$L", headerFitsInt ? "int" : "long",
                    headerFitsInt ? rawInt(headerLength, unit == 1 && extra == 0)
                            : unit == 1 && extra == 0 ? rawBare(headerLength) : rawLong(headerLength),
                    unit == 1 ? "" : " * " + unit, extra == 0 ? "" : " + " + extra);
            method.beginControlFlow("if (headerLength < FIXED_LENGTH)")
                    .addStatement("throw $T.malformed(LAYER, $S, $L, $S)", RuntimeTypes.PARSE_EXCEPTION,
                            headerLength.name(), errorOffset(headerLength), "smaller than the fixed header")
                    .endControlFlow();
            method.beginControlFlow("if (headerLength > available)")
                    .addStatement("throw $T.malformed(LAYER, $S, $L, $S)", RuntimeTypes.PARSE_EXCEPTION,
                            headerLength.name(), errorOffset(headerLength), "header runs past the end of the buffer")
                    .endControlFlow();
        } else if (optionals.any()) {
            method.addCode(optionals.wrapHeaderLength());
        } else {
            method.addStatement("int headerLength = FIXED_LENGTH");
        }
        method.addCode(group.wrap(headerLength != null));
        boolean headerIsLong = headerLength != null && !fitsInt(maxLength(headerLength,
                headerLength.declaration().headerLengthUnit()), headerLength.declaration().headerLengthOffset());
        String headerLengthInt = headerIsLong ? "(int) headerLength" : "headerLength";

        FieldModel total = model.totalLength();
        if (total != null) {
            int unit = total.declaration().totalLengthUnit();
            boolean includesHeader = total.declaration().includesHeader();
            long headerMax = headerLength == null ? model.fixedLength()
                    : headerIsLong ? Long.MAX_VALUE
                    : maxLength(headerLength, headerLength.declaration().headerLengthUnit())
                            + headerLength.declaration().headerLengthOffset();
            boolean totalFitsInt = fitsInt(maxLength(total, unit), includesHeader ? 0 : headerMax);
            method.addStatement("$L totalLength = $L$L$L", totalFitsInt ? "int" : "long",
                    totalFitsInt ? rawInt(total, unit == 1 && includesHeader)
                            : unit == 1 ? rawBare(total) : rawLong(total),
                    unit == 1 ? "" : " * " + unit,
                    includesHeader ? "" : " + headerLength");
            if (includesHeader) {
                method.beginControlFlow("if (totalLength < headerLength)")
                        .addStatement("throw $T.malformed(LAYER, $S, $L, $S)", RuntimeTypes.PARSE_EXCEPTION,
                                total.name(), errorOffset(total), "shorter than the header")
                        .endControlFlow();
            }
            method.beginControlFlow("if (totalLength > available && !quoted)")
                    .addStatement("throw $T.malformed(LAYER, $S, $L, $S)", RuntimeTypes.PARSE_EXCEPTION,
                            total.name(), errorOffset(total), "packet runs past the end of the buffer")
                    .endControlFlow();
            method.addComment("A quoted packet may be cut short: its body is then what the buffer holds.");
            method.addStatement("int bodyLength = $L - $L", totalFitsInt ? "Math.min(totalLength, available)"
                    : "(int) Math.min(totalLength, available)", headerLengthInt);
        } else {
            method.addStatement("int bodyLength = available - $L", headerLengthInt);
        }

        if (model.options() != null) {
            // Validate only; the iterator is positioned when someone asks for the options.
            method.addStatement("long optionList = 0");
            method.beginControlFlow("if ($L > FIXED_LENGTH)", headerLengthInt)
                    .addStatement("optionList = $T.validateList(array, offset + FIXED_LENGTH, offset + $L, OPTION_FORMAT, LAYER, position + FIXED_LENGTH)",
                            RuntimeTypes.OPTIONS_ITERATOR, headerLengthInt)
                    .endControlFlow();
        }

        FieldModel checksum = model.checksum();
        if (checksum != null) {
            boolean lengthBounded = total != null && total.bitWidth() <= 16 && total.declaration().totalLengthUnit() == 1
                    && total.declaration().includesHeader();
            if (Generation.pseudoHeader(model) && model.pseudoHeader() == Specialization.V4 && !lengthBounded) {
                method.beginControlFlow("if ($L + bodyLength > 0xFFFF)", headerLengthInt)
                        .addStatement("throw $T.malformed(LAYER, $S, position, $S)", RuntimeTypes.PARSE_EXCEPTION, "",
                                "longer than an IPv4 pseudo-header can describe")
                        .endControlFlow();
            }
            if (Generation.zeroForbidden(model)) {
                method.beginControlFlow("if (verifyChecksum && $L == 0)", rawRead(checksum))
                        .addStatement("throw $T.checksum(LAYER, $S, $L, $S)", RuntimeTypes.PARSE_EXCEPTION,
                                checksum.name(), errorOffset(checksum), "zero checksum is not allowed over IPv6")
                        .endControlFlow();
            }
            if (coverage.any()) {
                method.addCode(coverage.wrapCovered(headerLengthInt));
            }
            CodeBlock skipZero = Generation.zeroMeansNone(model)
                    ? CodeBlock.of(" && $L != 0", rawRead(checksum)) : CodeBlock.of("");
            method.beginControlFlow("if (verifyChecksum$L$L && !checksumValid(array, offset, $L$L))",
                            skipZero, ifPresent(), coverage.any() ? "covered, " + headerLengthInt + " + bodyLength"
                                    : coveredLength(headerLengthInt), rawPseudoArguments(""))
                    .addStatement("throw $T.checksum(LAYER, $S, $L, $S)", RuntimeTypes.PARSE_EXCEPTION,
                            checksum.name(), checksumErrorOffset(), "does not verify")
                    .endControlFlow();
        }

        method.addCode(variants.wrapDispatch(view));
        // A plain store: wrap must stay under C2's inlining limit (325 bytecodes for Ipv4), which a
        // test against the last array would cross.
        method.addStatement("this.array = array")
                .addStatement("this.offset = offset")
                .addStatement("this.headerLength = $L", headerLengthInt)
                .addStatement("this.bodyLength = bodyLength");
        if (model.options() != null) {
            method.addStatement("this.optionList = optionList");
        }
        method.addCode(optionals.wrapCommit());
        method.addCode(order.wrapCommit());
        method.addCode(group.wrapCommit());
        method.addCode(variants.wrapCommit());
        if (Generation.pseudoHeader(model)) {
            for (ParameterSpec raw : rawPseudoParameters()) {
                method.addStatement("this.pseudo$L = $L",
                        Character.toUpperCase(raw.name().charAt(0)) + raw.name().substring(1), raw.name());
            }
        }
        method.addStatement("buffer.takeFront(this.headerLength)");
        if (total != null) {
            method.addComment("Whatever follows the packet (link-layer padding) moves into the suffix.");
            method.addStatement("buffer.takeBack(buffer.remaining() - bodyLength)");
        }
        method.addStatement("return this");
        return method.build();
    }

    private void addStructureAccessors(TypeSpec.Builder type) {
        type.addMethod(simpleGetter("array", ArrayTypeName.of(TypeName.BYTE), "array",
                "The array holding the packet; the view reads and writes it in place."));
        type.addMethod(simpleGetter("offset", TypeName.INT, "offset", "Array index of the header's first byte."));
        type.addMethod(simpleGetter("headerLength", TypeName.INT, "headerLength",
                model.options() != null ? "Bytes of the header, options included." : "Bytes of the header."));
        type.addMethod(MethodSpec.methodBuilder("bodyOffset")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addJavadoc("Array index of the body's first byte.\n")
                .addStatement("return offset + headerLength")
                .build());
        type.addMethod(simpleGetter("bodyLength", TypeName.INT, "bodyLength",
                "Bytes of the body, without trailing padding."));
        type.addMethod(MethodSpec.methodBuilder("parseMetadata")
                .addModifiers(Modifier.PUBLIC)
                .returns(RuntimeTypes.PARSE_METADATA)
                .addJavadoc("What {@code wrap} consumed, for {@link $T#undoParse($T)}.\n",
                        RuntimeTypes.PACKET_BUFFER, RuntimeTypes.PARSE_METADATA)
                .addStatement("return new $T(headerLength, bodyLength, 0)", RuntimeTypes.PARSE_METADATA)
                .build());
        type.addMethod(MethodSpec.methodBuilder("undoParse")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(RuntimeTypes.PACKET_BUFFER, "buffer")
                .addJavadoc("Gives back to {@code buffer} what {@code wrap} consumed, without allocating.\n")
                .addStatement("buffer.undoParse(headerLength, bodyLength, 0)")
                .build());
    }

    private static MethodSpec simpleGetter(String name, TypeName type, String field, String doc) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addJavadoc(doc + "\n")
                .addStatement("return $L", field)
                .build();
    }

    private void addFieldAccessors(TypeSpec.Builder type, FieldModel field) {
        String name = field.name();
        MethodSpec.Builder getter = MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(field.javaType());
        CodeBlock at = BitCodec.index(field.byteOffset());
        switch (field.kind()) {
            case INT:
            case LONG:
                getter.addStatement("return $L", typedRead(field));
                break;
            case BOOLEAN:
                getter.addStatement("return $L != 0", rawRead(field));
                break;
            case ENUM:
                getter.addStatement("return $T.of($L)", field.enumType(), rawRead(field));
                type.addMethod(MethodSpec.methodBuilder(GeneratedNames.valueGetter(name))
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.INT)
                        .addJavadoc("The number behind {@link #$L()}, known or not, without allocating.\n", name)
                        .addStatement("return $L", rawRead(field))
                        .build());
                break;
            case MAC:
            case IPV4:
            case IPV6:
                getter.addStatement("return $T.read(array, $L)", field.javaType(), at);
                if (field.kind() != FieldKind.IPV6) {
                    type.addMethod(MethodSpec.methodBuilder(GeneratedNames.bitsGetter(name))
                            .addModifiers(Modifier.PUBLIC)
                            .returns(field.kind() == FieldKind.MAC ? TypeName.LONG : TypeName.INT)
                            .addJavadoc("The bits of {@link #$L()}, without allocating.\n", name)
                            .addStatement(field.kind() == FieldKind.MAC
                                    // Two loads, not a loop over six bytes.
                                    ? CodeBlock.of("return (long) $T.u16(array, $L) << 32 | $T.u32(array, $L + 2)",
                                            RuntimeTypes.BYTES, at, RuntimeTypes.BYTES, at)
                                    : CodeBlock.of("return $T.i32(array, $L)", RuntimeTypes.BYTES, at))
                            .build());
                }
                type.addMethod(offsetGetter(field));
                break;
            case BYTES:
                getter.addJavadoc("A copy of the bytes; {@link #$L()} and {@link #$L} read them in place.\n",
                        GeneratedNames.offsetGetter(name), GeneratedNames.copier(name));
                getter.addStatement("return $T.copyOfRange(array, $L, $L)", Arrays.class, at,
                        BitCodec.index(field.byteOffset() + field.byteLength()));
                type.addMethod(offsetGetter(field));
                type.addMethod(MethodSpec.methodBuilder(GeneratedNames.copier(name))
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(ArrayTypeName.of(TypeName.BYTE), "destination")
                        .addParameter(TypeName.INT, "destinationOffset")
                        .addJavadoc("Copies the $L bytes of {@code $L} into {@code destination}.\n", field.byteLength(), name)
                        .addStatement("$T.arraycopy(array, $L, destination, destinationOffset, $L)", System.class, at,
                                field.byteLength())
                        .build());
                break;
            case OPTIONS:
                getter.addJavadoc("The options, validated by {@code wrap}: the same iterator, positioned before the first "
                        + "option, on every call.\n");
                getter.addStatement("options.resetValidated(array, offset + FIXED_LENGTH, offset + headerLength, OPTION_FORMAT, optionList)")
                        .addStatement("return options");
                break;
            default:
                throw new IllegalStateException("unexpected kind " + field.kind());
        }
        type.addMethod(getter.build());
        if (hasSetter(field) && !model.isGate(field) && !model.isCount(field) && !variants.selects(field)) {
            // A flag has no in-place setter: flipping it would move the optional fields after it; nor
            // has a count, which would disagree with the elements wrap found, or a type field, which
            // would disagree with the variant.
            type.addMethod(coverage.isCoverage(field) ? coverage.setter(view, rawPseudoArguments("pseudo"))
                    : setter(field, false));
            if (field.kind() == FieldKind.MAC || field.kind() == FieldKind.IPV4) {
                type.addMethod(setter(field, true));
            }
        }
    }

    private MethodSpec offsetGetter(FieldModel field) {
        return MethodSpec.methodBuilder(GeneratedNames.offsetGetter(field.name()))
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addJavadoc("Array index of the first byte of {@code $L}.\n", field.name())
                .addStatement("return $L", BitCodec.index(field.byteOffset()))
                .build();
    }

    private static boolean hasSetter(FieldModel field) {
        switch (field.role()) {
            case PLAIN:
            case RESERVED:
            case CHECKSUM:
                return field.kind() != FieldKind.OPTIONS;
            default:
                return false;
        }
    }

    private boolean hasChecksummedSetters() {
        return model.fields().stream().anyMatch(f -> hasSetter(f) && f.role() != FieldRole.CHECKSUM)
                || model.optionals().stream().anyMatch(o -> o.field().role() != FieldRole.CHECKSUM);
    }

    /**
     * The in-place setter of {@code field}; with {@code bits}, the variant of a MAC or IPv4 address
     * field that takes the raw bits its {@code ...Bits()} getter gives ({@code setSourceBits}), so
     * that rewriting an address allocates nothing and reads no object.
     */
    private MethodSpec setter(FieldModel field, boolean bits) {
        String name = field.name();
        boolean mac = field.kind() == FieldKind.MAC;
        MethodSpec.Builder setter = MethodSpec.methodBuilder(
                        GeneratedNames.setter(bits ? GeneratedNames.bitsGetter(name) : name))
                .addModifiers(Modifier.PUBLIC)
                .returns(view)
                .addParameter(bits ? (mac ? TypeName.LONG : TypeName.INT) : field.javaType(), "value");
        boolean updatesChecksum = model.checksum() != null && field.role() != FieldRole.CHECKSUM;
        // A variant's view keeps the enclosing header's checksum right, when it has been told where it is.
        boolean updatesCovering = variants.coverable();
        setter.addJavadoc("Sets {@code $L} in place$L$L.\n\n", name,
                bits ? (mac ? " from its 48 bits ({@code MacAddress.bits()})" : " from its bits ({@code Ipv4Address.bits()})")
                        : "",
                updatesChecksum ? "; the checksum is updated incrementally (RFC 1624)"
                        : updatesCovering ? "; an enclosing checksum that covers it (see {@link #coveredByChecksumAt})"
                                + " is updated incrementally (RFC 1624)"
                        : field.role() == FieldRole.CHECKSUM ? ", as given: nothing is recomputed" : "");
        setter.addJavadoc("@return this view\n");
        if (bits && mac) {
            setter.beginControlFlow("if ((value & ~0xFFFF_FFFF_FFFFL) != 0)")
                    .addStatement("throw new $T($S + $T.toHexString(value))", IllegalArgumentException.class,
                            name + " must fit in 48 bits, was 0x", Long.class)
                    .endControlFlow();
        } else if (!bits) {
            setter.addCode(BuilderWriter.rangeCheck(field, "value"));
        }
        int wordStart = 0;
        int wordLength = 0;
        if (updatesChecksum || updatesCovering) {
            int firstByte = field.bitOffset() / 8;
            int lastByte = (field.bitOffset() + field.bitWidth() - 1) / 8;
            wordStart = firstByte & ~1;
            wordLength = ((lastByte | 1) + 1) - wordStart;
            setter.addStatement(updatesChecksum ? "int before = $L" : "int before = coveringChecksumAt < 0 ? 0 : $L",
                    wordSum(wordStart, wordLength));
        }
        CodeBlock at = BitCodec.index(field.byteOffset());
        switch (field.kind()) {
            case MAC:
            case IPV4:
            case IPV6:
                if (bits && mac) {
                    setter.addStatement("$T.putU16(array, $L, (int) (value >>> 32))", RuntimeTypes.BYTES, at)
                            .addStatement("$T.putI32(array, $L + 2, (int) value)", RuntimeTypes.BYTES, at);
                } else if (bits) {
                    setter.addStatement("$T.putI32(array, $L, value)", RuntimeTypes.BYTES, at);
                } else {
                    setter.addStatement("value.write(array, $L)", at);
                }
                break;
            case BYTES:
                setter.beginControlFlow("if (value.length != $L)", field.byteLength())
                        .addStatement("throw new $T($S + value.length)", IllegalArgumentException.class,
                                name + " must be " + field.byteLength() + " bytes, was ")
                        .endControlFlow();
                setter.addStatement("$T.arraycopy(value, 0, array, $L, $L)", System.class, at, field.byteLength());
                break;
            default:
                setter.addCode(codec.write(field.bitOffset(), field.bitWidth(),
                        Generation.bitsOf(field, CodeBlock.of("value")), Generation.rawIsLong(field)));
                break;
        }
        if (updatesChecksum) {
            setter.addStatement("updateChecksum(before, $L)", wordSum(wordStart, wordLength));
        } else if (updatesCovering) {
            setter.beginControlFlow("if (coveringChecksumAt >= 0)")
                    .addStatement("updateCoveringChecksum(before, $L)", wordSum(wordStart, wordLength))
                    .endControlFlow();
        }
        setter.addStatement("return this");
        return setter.build();
    }

    /**
     * The folded sum of the 16-bit words a setter changes: one word is its own sum (the usual case,
     * a field of at most 16 bits), read directly instead of through the general checksum loop.
     */
    private static CodeBlock wordSum(int wordStart, int wordLength) {
        return wordLength == 2
                ? CodeBlock.of("$T.u16(array, $L)", RuntimeTypes.BYTES, BitCodec.index(wordStart))
                : CodeBlock.of("$T.sum(array, $L, $L)", RuntimeTypes.INTERNET_CHECKSUM, BitCodec.index(wordStart),
                        wordLength);
    }

    /**
     * For an optional checksum (GRE's), the condition that the header carries it, as a further
     * {@code &&} term; nothing for a fixed checksum.
     */
    private CodeBlock ifPresent() {
        LayoutModel.OptionalField optional = model.optionalChecksum();
        return optional == null ? CodeBlock.of("") : CodeBlock.of(" && $L >= 0", OptionalFieldWriter.at(optional.field()));
    }

    private CodeBlock checksumErrorOffset() {
        LayoutModel.OptionalField optional = model.optionalChecksum();
        return optional == null ? errorOffset(model.checksum())
                : CodeBlock.of("position + $L", OptionalFieldWriter.at(optional.field()));
    }

    private MethodSpec updateChecksum() {
        FieldModel checksum = model.checksum();
        LayoutModel.OptionalField optional = model.optionalChecksum();
        MethodSpec.Builder method = MethodSpec.methodBuilder("updateChecksum")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "before")
                .addParameter(TypeName.INT, "after");
        if (optional != null) {
            String at = OptionalFieldWriter.at(optional.field());
            return method.beginControlFlow("if ($L < 0)", at)
                    .addComment("The header carries no checksum: nothing to keep right.")
                    .addStatement("return")
                    .endControlFlow()
                    .addStatement("int updated = $T.update16($T.u16(array, offset + $L), before, after)",
                            ClassName.get("io.zerowire.checksum", "IncrementalChecksum"), RuntimeTypes.BYTES, at)
                    .addStatement("$T.putU16(array, offset + $L, updated)", RuntimeTypes.BYTES, at)
                    .build();
        }
        method.addStatement("int current = $L", rawRead(checksum));
        if (Generation.zeroMeansNone(model)) {
            method.beginControlFlow("if (current == 0)")
                    .addComment("No checksum was sent, and none is kept.")
                    .addStatement("return")
                    .endControlFlow();
        }
        method.addStatement("int updated = $T.update16(current, before, after)",
                ClassName.get("io.zerowire.checksum", "IncrementalChecksum"));
        if (checksum.checksum().transmitZeroAsAllOnes()) {
            method.beginControlFlow("if (updated == 0)")
                    .addComment("Zero means \"no checksum\": the same value goes out as all ones.")
                    .addStatement("updated = 0xFFFF")
                    .endControlFlow();
        }
        method.addCode(codec.write(checksum.bitOffset(), 16, CodeBlock.of("updated"), false));
        return method.build();
    }

    private MethodSpec checksumValid() {
        MethodSpec.Builder valid = MethodSpec.methodBuilder("checksumValid")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addJavadoc("Whether the checksum verifies over the bytes as they are now$L.\n",
                        model.optionalChecksum() == null ? ""
                                : "; true when the header carries none (its flag is clear): there is nothing to verify");
        LayoutModel.OptionalField optional = model.optionalChecksum();
        CodeBlock zero = Generation.zeroMeansNone(model)
                ? CodeBlock.of("$L == 0 || ", rawRead(model.checksum()))
                : optional != null ? CodeBlock.of("$L < 0 || ", OptionalFieldWriter.at(optional.field()))
                : CodeBlock.of("");
        valid.addStatement("return $LchecksumValid(array, offset, $L$L)", zero, coveredLength("headerLength"),
                rawPseudoArguments("pseudo"));
        return valid.build();
    }

    /** How many bytes from the header's start the checksum covers (after any pseudo-header). */
    private String coveredLength(String headerLength) {
        return model.checksum().checksum().covers() == Checksum.Coverage.HEADER
                ? headerLength : headerLength + " + bodyLength";
    }

    /** The checksum test, on arguments rather than fields, so that {@code wrap} can call it before committing. */
    private MethodSpec checksumOver() {
        Checksum.Coverage covers = model.checksum().checksum().covers();
        MethodSpec.Builder method = MethodSpec.methodBuilder("checksumValid")
                .addModifiers(Modifier.PRIVATE)
                .returns(TypeName.BOOLEAN)
                .addParameter(ArrayTypeName.of(TypeName.BYTE), "array")
                .addParameter(TypeName.INT, "offset");
        // With a coverage field the sum stops at covered, while the pseudo-header still gives the packet's length.
        String summed = coverage.any() ? "covered" : "length";
        if (coverage.any()) {
            method.addParameter(TypeName.INT, "covered");
        }
        method.addParameter(TypeName.INT, "length")
                .addParameters(rawPseudoParameters());
        switch (covers) {
            case HEADER:
            case HEADER_AND_BODY:
                method.addStatement("return $T.verify(array, offset, $L)", RuntimeTypes.INTERNET_CHECKSUM, summed);
                break;
            default:
                method.addStatement("checksumAccumulator.reset()");
                method.addCode(Generation.addRawPseudoHeader(model, rawPseudoArguments("").substring(2), "length"));
                method.addStatement("return checksumAccumulator.add(array, offset, $L).verify()", summed);
                break;
        }
        return method.build();
    }

    private MethodSpec toStringMethod() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addJavadoc("Every field, for debugging and dissection, such as {@code $L[...]}.\n", model.layer());
        method.addStatement("$T text = new $T(LAYER).append('[')", StringBuilder.class, StringBuilder.class);
        boolean first = true;
        for (FieldModel field : model.fields()) {
            String prefix = (first ? "" : ", ") + field.name() + "=";
            first = false;
            switch (field.kind()) {
                case BYTES:
                    method.addStatement("text.append($S)", prefix);
                    method.beginControlFlow("for (int i = 0; i < $L; i++)", field.byteLength())
                            .addStatement("text.append($T.format($S, array[$L + i] & 0xFF))", String.class, "%02x",
                                    BitCodec.index(field.byteOffset()))
                            .endControlFlow();
                    break;
                case OPTIONS:
                    method.addStatement("text.append($S)", prefix + "[");
                    method.addStatement("$T iterator = $L()", RuntimeTypes.OPTIONS_ITERATOR, field.name());
                    method.beginControlFlow("for (int i = 0; iterator.next(); i++)")
                            .addStatement("text.append(i == 0 ? $S : $S).append(iterator.kind())", "", " ")
                            .endControlFlow();
                    method.addStatement("text.append(']')");
                    break;
                default:
                    method.addStatement("text.append($S).append($L())", prefix, field.name());
                    break;
            }
        }
        method.addCode(optionals.toStringParts());
        method.addCode(group.toStringParts());
        method.addCode(variants.toStringParts());
        method.addStatement("return text.append(']').toString()");
        return method.build();
    }

    /** The raw unsigned bits as an int (or long for long fields), without sign extension. */
    private CodeBlock rawRead(FieldModel field) {
        BitCodec.Expr expr = codec.read(field.bitOffset(), field.bitWidth());
        return field.kind() == FieldKind.LONG ? expr.asLong() : expr.asInt();
    }

    /** The raw bits without outer parentheses, for the right-hand side of an assignment. */
    private CodeBlock rawBare(FieldModel field) {
        return codec.read(field.bitOffset(), field.bitWidth()).bare();
    }

    /** Whether {@code max + extra} fits an int, for a non-negative {@code max} that may be {@link Long#MAX_VALUE}. */
    private static boolean fitsInt(long max, long extra) {
        return max <= Integer.MAX_VALUE && extra <= Integer.MAX_VALUE && max + extra <= Integer.MAX_VALUE;
    }

    /** The largest value a length field can give once multiplied by its unit ({@link Long#MAX_VALUE} from 32 bits up). */
    private static long maxLength(FieldModel field, int unit) {
        return field.bitWidth() >= 32 ? Long.MAX_VALUE : BitCodec.mask(field.bitWidth()) * unit;
    }

    /** The raw bits of a field narrower than 32 bits as an int expression; without parentheses when {@code alone}. */
    private CodeBlock rawInt(FieldModel field, boolean alone) {
        BitCodec.Expr expr = codec.read(field.bitOffset(), field.bitWidth());
        return alone && !expr.isLong() ? expr.bare() : expr.asInt();
    }

    /** The raw bits as a long expression, so that multiplying a length by its unit cannot overflow. */
    private CodeBlock rawLong(FieldModel field) {
        BitCodec.Expr expr = codec.read(field.bitOffset(), field.bitWidth());
        return expr.isLong() ? expr.code() : CodeBlock.of("(long) $L", expr.code());
    }

    /** The getter's value, for a return statement: the raw bits, sign-extended when the field is signed. */
    private CodeBlock typedRead(FieldModel field) {
        CodeBlock raw = rawRead(field);
        if (!field.signed()) {
            BitCodec.Expr expr = codec.read(field.bitOffset(), field.bitWidth());
            return field.kind() == FieldKind.LONG || !expr.isLong() ? expr.bare() : raw;
        }
        int width = field.bitWidth();
        if (field.kind() == FieldKind.LONG) {
            return width == 64 ? raw : CodeBlock.of("$L << $L >> $L", raw, 64 - width, 64 - width);
        }
        if (width == 32) {
            return raw;
        }
        if (width == 8 && field.bitOffset() % 8 == 0) {
            return CodeBlock.of("array[$L]", BitCodec.index(field.byteOffset()));
        }
        return CodeBlock.of("$L << $L >> $L", raw, 32 - width, 32 - width);
    }

    private static CodeBlock errorOffset(FieldModel field) {
        return field.byteOffset() == 0 ? CodeBlock.of("position") : CodeBlock.of("position + $L", field.byteOffset());
    }
}
