package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.zerowire.annotations.Endian;
import java.nio.ByteOrder;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes what a byte order chosen at parse time ({@link Endian#AT_PARSE}) adds to a view and a
 * builder: the order as a {@code boolean} field set by {@code wrap} (from a {@code ByteOrder}
 * argument, or from the {@code @ByteOrderMark} field) or by the builder's {@code byteOrder}, and
 * the reads and writes of each field in both orders behind one test of it (a predictable branch
 * on a field of the view, which the JIT keeps out of the way of the loads). Adds nothing to a layout
 * of a fixed order.
 */
final class ParseOrderWriter {
    /** The view's and the builder's order member: {@code byteOrder()}, {@code byteOrder(ByteOrder)}. */
    static final String ACCESSOR = "byteOrder";
    /** The field (and {@code wrap}'s local) that holds the order: the name the field reads test. */
    static final String FLAG = "littleEndian";

    private static final ClassName BYTE_ORDER = ClassName.get(ByteOrder.class);

    private final LayoutModel model;
    private final FieldModel mark;

    ParseOrderWriter(LayoutModel model) {
        this.model = model;
        this.mark = model.fields().stream().filter(f -> f.declaration().byteOrderMarkMirror() != null)
                .findFirst().orElse(null);
    }

    /** Whether the layout's order is chosen at parse time. */
    boolean any() {
        return model.endian() == Endian.AT_PARSE;
    }

    /** Whether {@code field} is the byte-order mark, which {@code wrap} checks while choosing the order. */
    boolean isMark(FieldModel field) {
        return field == mark;
    }

    /** Whether {@code wrap} and {@code parse} take the order as an argument (no mark says it). */
    boolean takesOrder() {
        return any() && mark == null;
    }

    /** The public {@code parse}/{@code wrap} methods' order parameter, if they take one. */
    List<ParameterSpec> parameters() {
        return takesOrder() ? List.of(ParameterSpec.builder(BYTE_ORDER, "order").build()) : List.of();
    }

    /** The order argument passed on by a public {@code parse} to {@code wrap}. */
    String arguments() {
        return takesOrder() ? ", order" : "";
    }

    /** The order argument passed on by a public {@code wrap} to the private one (null is rejected there). */
    CodeBlock privateArgument() {
        return takesOrder() ? CodeBlock.of(", order.equals($T.LITTLE_ENDIAN)", BYTE_ORDER) : CodeBlock.of("");
    }

    /** The private {@code wrap}'s parameter for the order, if it is given. */
    List<ParameterSpec> privateParameters() {
        return takesOrder() ? List.of(ParameterSpec.builder(TypeName.BOOLEAN, FLAG).build()) : List.of();
    }

    /** Javadoc for the order parameter of a public parse method. */
    CodeBlock parameterDoc() {
        return takesOrder()
                ? CodeBlock.of("@param order the header's byte order, as whoever knows it says (a file header)\n")
                : CodeBlock.of("");
    }

    void addFields(TypeSpec.Builder type, boolean builder) {
        if (any()) {
            type.addField(com.palantir.javapoet.FieldSpec.builder(TypeName.BOOLEAN, FLAG, Modifier.PRIVATE)
                    .addJavadoc(builder ? "Whether the header is written little-endian; big-endian until told.\n"
                            : "Whether the header is little-endian, as {@code wrap} was told or found.\n")
                    .build());
        }
    }

    /**
     * The start of {@code wrap}, once the fixed header is known present: with a byte-order mark, the
     * order in which it reads as its constant; anything else is a malformed header naming the mark.
     */
    CodeBlock wrapOrder() {
        if (mark == null) {
            return CodeBlock.of("");
        }
        int width = mark.bitWidth();
        long expected = mark.constValue() & BitCodec.mask(width);
        long swapped = ParseOrderRules.reversed(expected, width);
        boolean isLong = width > 16;
        CodeBlock read = new BitCodec(Endian.BIG, model.fixedLength()).read(mark.bitOffset(), width).bare();
        String big = isLong ? BitCodec.hexLong(expected) : BitCodec.hexInt(expected);
        String little = isLong ? BitCodec.hexLong(swapped) : BitCodec.hexInt(swapped);
        return CodeBlock.builder()
                .addStatement("$L mark = $L", isLong ? "long" : "int", read)
                .beginControlFlow("if (mark != $L && mark != $L)", big, little)
                .addStatement("throw $T.malformed(LAYER, $S, $L, $S)", RuntimeTypes.PARSE_EXCEPTION, mark.name(),
                        mark.byteOffset() == 0 ? CodeBlock.of("position") : CodeBlock.of("position + $L", mark.byteOffset()),
                        "must be " + big.replace("L", "") + " in either byte order")
                .endControlFlow()
                .addStatement("boolean $L = mark == $L", FLAG, little)
                .build();
    }

    /** The store of the order into the view, with {@code wrap}'s other stores. */
    CodeBlock wrapCommit() {
        return any() ? CodeBlock.of("this.$L = $L;\n", FLAG, FLAG) : CodeBlock.of("");
    }

    void addViewAccessor(TypeSpec.Builder type) {
        if (!any()) {
            return;
        }
        type.addMethod(MethodSpec.methodBuilder(ACCESSOR)
                .addModifiers(Modifier.PUBLIC)
                .returns(BYTE_ORDER)
                .addJavadoc("The header's byte order, as {@code wrap} was $L.\n", mark == null ? "told" : "shown by {@code "
                        + mark.name() + "}")
                .addStatement("return $L ? $T.LITTLE_ENDIAN : $T.BIG_ENDIAN", FLAG, BYTE_ORDER, BYTE_ORDER)
                .build());
    }

    void addBuilderSetter(TypeSpec.Builder type, ClassName builder) {
        if (!any()) {
            return;
        }
        type.addMethod(MethodSpec.methodBuilder(ACCESSOR)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(BYTE_ORDER, "order")
                .addJavadoc("Sets the byte order the header is written in (big-endian until set).\n\n")
                .addJavadoc("@return this builder\n")
                .addStatement("this.$L = order.equals($T.LITTLE_ENDIAN)", FLAG, BYTE_ORDER)
                .addStatement("return this")
                .build());
    }

    /**
     * The reads and writes of a layout whose order is chosen at parse time: each field, whole bytes
     * on a byte boundary, read or written both ways behind one test of {@link #FLAG}.
     */
    static final class Codec {
        private final BitCodec big;
        private final BitCodec little;

        Codec(LayoutModel model) {
            this.big = new BitCodec(Endian.BIG, model.fixedLength());
            this.little = new BitCodec(Endian.LITTLE, model.fixedLength());
        }

        BitCodec.Expr read(int bit, int width) {
            BitCodec.Expr le = little.read(bit, width);
            BitCodec.Expr be = big.read(bit, width);
            // Parenthesized even where a bare expression is asked for: callers append to it ("+ headerLength").
            // A conditional of an int and a long is a long.
            return new BitCodec.Expr(CodeBlock.of("($L ? $L : $L)", FLAG, le.code(), be.code()), le.isLong() || be.isLong());
        }

        CodeBlock write(int bit, int width, CodeBlock value, boolean valueIsLong) {
            return CodeBlock.builder()
                    .beginControlFlow("if ($L)", FLAG)
                    .add(little.write(bit, width, value, valueIsLong))
                    .nextControlFlow("else")
                    .add(big.write(bit, width, value, valueIsLong))
                    .endControlFlow()
                    .build();
        }
    }
}
