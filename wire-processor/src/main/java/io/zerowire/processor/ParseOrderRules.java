package io.zerowire.processor;

import io.zerowire.annotations.Endian;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * The rules of a layout whose byte order is chosen at parse time ({@link Endian#AT_PARSE}): no
 * checksum, options or optional fields (their rules assume one order); no bit-packed fields (their
 * bits mean different things in the two orders); no field named like the generated order members; and at most one {@code @ByteOrderMark}, a {@code @Const} of 16, 32 or 64 bits on a
 * byte boundary whose bytes are not a palindrome, only in such a layout.
 */
final class ParseOrderRules {
    /** The members a parse-time order adds to the view and the builder. */
    static final List<String> GENERATED = List.of(ParseOrderWriter.ACCESSOR, ParseOrderWriter.FLAG);

    private final Reporter reporter;

    ParseOrderRules(Reporter reporter) {
        this.reporter = reporter;
    }

    void check(LayoutDeclaration layout) {
        boolean atParse = layout.endian() == Endian.AT_PARSE;
        FieldDeclaration firstMark = null;
        int bit = 0;
        for (FieldDeclaration field : layout.fields()) {
            AnnotationMirror mark = field.byteOrderMarkMirror();
            if (mark != null) {
                if (!atParse) {
                    reporter.error(field.method(), mark, Message.BYTE_ORDER_MARK_NEEDS_PARSE_ORDER, field.name());
                } else if (firstMark != null) {
                    reporter.error(field.method(), mark, Message.DUPLICATE_ROLE, field.name(), "ByteOrderMark",
                            firstMark.name());
                } else {
                    checkMark(field, mark, bit);
                }
                firstMark = firstMark == null ? field : firstMark;
            }
            int width = LayoutModel.width(field, Specialization.V4);
            if (atParse) {
                checkSupported(field);
                if (GENERATED.contains(field.name())) {
                    reporter.error(field.method(), Message.NAME_CLASH, field.name(), field.name() + "()");
                }
                if (field.kind().hasDeclaredWidth() && (bit % 8 != 0 || width % 8 != 0)) {
                    reporter.error(field.method(), Message.PARSE_ORDER_PACKED, field.name(), width, bit);
                }
            }
            bit += width;
        }
    }

    private void checkSupported(FieldDeclaration field) {
        AnnotationMirror unsupported = field.checksumMirror() != null ? field.checksumMirror()
                : field.optionsMirror() != null ? field.optionsMirror()
                : field.presentIfMirror();
        if (unsupported != null) {
            reporter.error(field.method(), unsupported, Message.PARSE_ORDER_UNSUPPORTED,
                    unsupported.getAnnotationType().asElement().getSimpleName(), field.name());
        }
    }

    private void checkMark(FieldDeclaration field, AnnotationMirror mark, int bit) {
        int width = LayoutModel.width(field, Specialization.V4);
        boolean number = field.kind() == FieldKind.INT || field.kind() == FieldKind.LONG;
        boolean shaped = number && bit % 8 == 0 && (width == 16 || width == 32 || width == 64);
        if (!shaped || field.constValue() == null) {
            reporter.error(field.method(), mark, Message.BYTE_ORDER_MARK_SHAPE, field.name(), width, bit,
                    field.constValue() == null ? ", without @Const" : "");
            return;
        }
        long value = field.constValue();
        if (reversed(value, width) == (value & BitCodec.mask(width))) {
            reporter.error(field.method(), mark, Message.BYTE_ORDER_MARK_SYMMETRIC, field.name(),
                    BitCodec.hexLong(value));
        }
    }

    /** {@code value}'s low {@code width} bits with their bytes in the other order. */
    static long reversed(long value, int width) {
        return Long.reverseBytes(value) >>> (64 - width);
    }
}
