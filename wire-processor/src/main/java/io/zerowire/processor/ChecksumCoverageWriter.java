package io.zerowire.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.zerowire.annotations.Checksum;
import javax.lang.model.element.Modifier;

/**
 * The code of a checksum whose coverage a field gives (UDP-Lite, RFC 3828): the view finds the
 * covered length once in {@code wrap} (a {@code MALFORMED} error naming the field when it is shorter
 * than the header or longer than the packet), verifies over it with the pseudo-header still giving
 * the whole packet's length, and refuses a zero checksum; the field's setter checks the new value and
 * computes the checksum again; the builder computes over what the field says (0: the whole packet).
 */
final class ChecksumCoverageWriter {
    private final LayoutModel model;
    private final FieldModel coverage;
    private final BitCodec codec;

    ChecksumCoverageWriter(LayoutModel model) {
        this.model = model;
        FieldModel checksum = model.checksum();
        String name = checksum == null ? null : ChecksumCoverageRules.coverage(checksum.declaration());
        this.coverage = name == null ? null : model.field(name);
        this.codec = new BitCodec(model.endian(), model.fixedLength());
    }

    /** Whether the layout's checksum has a coverage field. */
    boolean any() {
        return coverage != null;
    }

    boolean isCoverage(FieldModel field) {
        return coverage != null && coverage.name().equals(field.name());
    }

    /** The private static {@code covered(...)}: the bytes the checksum covers, or -1 for an illegal coverage. */
    MethodSpec coveredMethod() {
        return MethodSpec.methodBuilder("covered")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.INT)
                .addParameter(ArrayTypeName.of(TypeName.BYTE), "array")
                .addParameter(TypeName.INT, "offset")
                .addParameter(TypeName.INT, "headerLength")
                .addParameter(TypeName.INT, "length")
                .addJavadoc("The bytes the checksum covers, from {@code $L}: 0 means all {@code length}; -1 when it is\n"
                        + "illegal, fewer than the header's or more than the packet's (RFC 3828 section 3.1).\n",
                        coverage.name())
                .addStatement("int coverage = $L", codec.read(coverage.bitOffset(), coverage.bitWidth()).bare())
                .addStatement("int covered = coverage == 0 ? length : coverage")
                .addStatement("return covered < headerLength || covered > length ? -1 : covered")
                .build();
    }

    /**
     * In {@code wrap}, after {@code bodyLength}: {@code covered}, checked, and a zero checksum refused
     * (when verifying) before the sum is tried.
     */
    CodeBlock wrapCovered(String headerLength) {
        FieldModel checksum = model.checksum();
        return CodeBlock.builder()
                .addStatement("int covered = covered(array, offset, $L, $L + bodyLength)", headerLength, headerLength)
                .beginControlFlow("if (covered < 0)")
                .addStatement("throw $T.malformed(LAYER, $S, position + $L, $S)", RuntimeTypes.PARSE_EXCEPTION,
                        coverage.name(), coverage.byteOffset(),
                        "covers fewer bytes than the header or more than the packet")
                .endControlFlow()
                .beginControlFlow("if (verifyChecksum && $L == 0)",
                        codec.read(checksum.bitOffset(), 16).asInt())
                .addStatement("throw $T.checksum(LAYER, $S, position + $L, $S)", RuntimeTypes.PARSE_EXCEPTION,
                        checksum.name(), checksum.byteOffset(), "zero checksum is not allowed: it is mandatory")
                .endControlFlow()
                .build();
    }

    /** The public {@code checksumValid()}: false for an illegal coverage or a zero checksum. */
    MethodSpec checksumValid(String pseudoArguments) {
        return MethodSpec.methodBuilder("checksumValid")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addJavadoc("Whether the checksum verifies over the bytes {@code $L} covers as they are now; false for\n"
                        + "a zero checksum, which is never \"none\" here.\n", coverage.name())
                .addStatement("int covered = covered(array, offset, headerLength, headerLength + bodyLength)")
                .addStatement("return covered >= 0 && $L != 0 && checksumValid(array, offset, covered, headerLength + bodyLength$L)",
                        codec.read(model.checksum().bitOffset(), 16).asInt(), pseudoArguments)
                .build();
    }

    /**
     * The in-place setter of the coverage field: a coverage the packet cannot have is refused, and the
     * checksum is computed again over the new coverage (an incremental update cannot move the range).
     */
    MethodSpec setter(ClassName view, String pseudoArguments) {
        FieldModel checksum = model.checksum();
        String name = coverage.name();
        MethodSpec.Builder setter = MethodSpec.methodBuilder(GeneratedNames.setter(name))
                .addModifiers(Modifier.PUBLIC)
                .returns(view)
                .addParameter(TypeName.INT, "value")
                .addJavadoc("Sets {@code $L} in place and computes the checksum again over the bytes it now covers.\n\n",
                        name)
                .addJavadoc("@return this view\n")
                .addJavadoc("@throws IllegalArgumentException unless it is 0 (the whole packet) or from the header's length\n"
                        + "    to the packet's\n");
        setter.addCode(BuilderWriter.rangeCheck(coverage, "value"));
        setter.addStatement("int length = headerLength + bodyLength")
                .beginControlFlow("if (value != 0 && (value < headerLength || value > length))")
                .addStatement("throw new $T($S + headerLength + $S + length + $S + value)", IllegalArgumentException.class,
                        name + " must be 0 (the whole packet) or ", " to ", " bytes, was ")
                .endControlFlow();
        setter.addCode(codec.write(coverage.bitOffset(), coverage.bitWidth(), CodeBlock.of("value"), false));
        setter.addCode(codec.write(checksum.bitOffset(), 16, CodeBlock.of("0"), false));
        setter.addStatement("int covered = value == 0 ? length : value");
        setter.addStatement("int sum = $L", sum("covered", "length", pseudoArguments));
        if (checksum.checksum().transmitZeroAsAllOnes()) {
            setter.addStatement("sum = sum == 0 ? 0xFFFF : sum");
        }
        setter.addCode(codec.write(checksum.bitOffset(), 16, CodeBlock.of("sum"), false));
        return setter.addStatement("return this").build();
    }

    /** The checksum of the covered bytes (after the pseudo-header of {@code length} bytes, if any). */
    private CodeBlock sum(String covered, String length, String pseudoArguments) {
        if (model.checksum().checksum().covers() != Checksum.Coverage.PSEUDO_HEADER_AND_BODY) {
            return CodeBlock.of("$T.compute(array, offset, $L)", RuntimeTypes.INTERNET_CHECKSUM, covered);
        }
        return CodeBlock.of("$T.$L(checksumAccumulator.reset(), $L, $L, $L).add(array, offset, $L).checksum()",
                RuntimeTypes.PSEUDO_HEADER, model.pseudoHeader() == Specialization.V4 ? "addIpv4" : "addIpv6",
                pseudoArguments.substring(2), model.checksum().checksum().protocol(), length, covered);
    }

    /**
     * In the builder's {@code serialize}, before the checksum: {@code covered}, what the coverage field
     * says (0, the default, is the whole packet; a value past the packet is cut to it, to build a
     * deliberately invalid packet the reader must refuse).
     */
    CodeBlock builderCovered() {
        return CodeBlock.builder()
                .addStatement("int covered = $L == 0 ? headerLength + bodyLength : Math.min($L, headerLength + bodyLength)",
                        coverage.name(), coverage.name())
                .build();
    }
}
