package io.zerowire.processor;

import com.palantir.javapoet.CodeBlock;
import io.zerowire.annotations.Endian;

/**
 * Writes the Java expressions that read and write a run of bits in a header, given the layout's
 * byte order and how many bytes are known to be present (the fixed length, validated once at
 * parse). It picks the narrowest aligned window the JIT reads in one instruction: a byte, a short,
 * an int or a long, so that {@code flowLabel:20} becomes one masked 32-bit read.
 *
 * <p>Generated code names the array {@code array} and the header's first index {@code offset}.
 */
final class BitCodec {
    private static final int[] WINDOW_SIZES = {1, 2, 4, 8};

    private final Endian endian;
    private final int limit;
    /** For a byte order chosen at parse time, the codec that reads and writes both ways; else null. */
    private final ParseOrderWriter.Codec parseOrder;

    /**
     * @param endian the layout's byte and bit order
     * @param limit bytes of the header that may be touched (the fixed length)
     */
    BitCodec(Endian endian, int limit) {
        this.endian = endian;
        this.limit = limit;
        this.parseOrder = null;
    }

    private BitCodec(LayoutModel model) {
        this.endian = Endian.AT_PARSE;
        this.limit = model.fixedLength();
        this.parseOrder = new ParseOrderWriter.Codec(model);
    }

    /** The codec of a layout's fixed fields, in its byte order (both, when chosen at parse time). */
    static BitCodec forLayout(LayoutModel model) {
        return model.endian() == Endian.AT_PARSE ? new BitCodec(model) : new BitCodec(model.endian(), model.fixedLength());
    }

    /**
     * A Java expression and whether its type is {@code long} (else {@code int}). {@code code} is
     * safe inside a larger expression (parenthesized when compound); {@code bare} is the same
     * without outer parentheses, for a statement of its own.
     */
    record Expr(CodeBlock code, boolean isLong, CodeBlock bare) {
        Expr(CodeBlock code, boolean isLong) {
            this(code, isLong, code);
        }

        /** This expression as an {@code int}, for fields of up to 32 bits. */
        CodeBlock asInt() {
            return isLong ? CodeBlock.of("(int) ($L)", code) : code;
        }

        /** This expression as a {@code long}. */
        CodeBlock asLong() {
            return code;
        }
    }

    /** The unsigned value of bits {@code [bit, bit + width)}; an {@code int} when the width is under 32. */
    Expr read(int bit, int width) {
        if (parseOrder != null) {
            return parseOrder.read(bit, width);
        }
        int first = bit / 8;
        int last = (bit + width - 1) / 8;
        int span = last - first + 1;
        if (bit % 8 == 0 && (width == 8 || width == 16 || width == 32 || width == 64)) {
            return direct(first, width);
        }
        if (span > 8) {
            return readSplit(bit, width);
        }
        for (int size : WINDOW_SIZES) {
            if (size < span) {
                continue;
            }
            for (int start = first; start >= Math.max(0, last - size + 1); start--) {
                if (start + size <= limit) {
                    return extract(window(start, size), size * 8, shift(bit, width, start, size), width);
                }
            }
        }
        // A window of an odd size at the very end of a short header.
        String reader = endian == Endian.BIG ? "readBigEndian" : "readLittleEndian";
        CodeBlock window = CodeBlock.of("$T.$L(array, $L, $L)", RuntimeTypes.BYTES, reader, index(first), span);
        return extract(new Expr(window, true), span * 8, shift(bit, width, first, span), width);
    }

    /** Statements that store {@code value} (an int or long expression) into bits {@code [bit, bit + width)}, keeping the other bits. */
    CodeBlock write(int bit, int width, CodeBlock value, boolean valueIsLong) {
        if (parseOrder != null) {
            return parseOrder.write(bit, width, value, valueIsLong);
        }
        int first = bit / 8;
        int last = (bit + width - 1) / 8;
        int span = last - first + 1;
        if (bit % 8 == 0 && (width == 8 || width == 16 || width == 32 || width == 64)) {
            return CodeBlock.of("$L;\n", directWrite(first, width, value, valueIsLong));
        }
        if (span > 8) {
            return writeSplit(bit, width, value, valueIsLong);
        }
        for (int size : WINDOW_SIZES) {
            if (size < span) {
                continue;
            }
            for (int start = first; start >= Math.max(0, last - size + 1); start--) {
                if (start + size <= limit) {
                    return CodeBlock.of("$L;\n", merge(start, size, shift(bit, width, start, size), width, value, valueIsLong));
                }
            }
        }
        String reader = endian == Endian.BIG ? "readBigEndian" : "readLittleEndian";
        String writer = endian == Endian.BIG ? "writeBigEndian" : "writeLittleEndian";
        int shift = shift(bit, width, first, span);
        long mask = mask(width) << shift;
        return CodeBlock.of("$T.$L(array, $L, $L, $T.$L(array, $L, $L) & $L | ($L & $L) << $L);\n",
                RuntimeTypes.BYTES, writer, index(first), span, RuntimeTypes.BYTES, reader, index(first), span,
                hexLong(~mask & mask(span * 8)), value, hexLong(mask(width)), shift);
    }

    /** {@code offset + k}, or {@code offset} when k is zero. */
    static CodeBlock index(int byteOffset) {
        return byteOffset == 0 ? CodeBlock.of("offset") : CodeBlock.of("offset + $L", byteOffset);
    }

    /** The all-ones mask of {@code width} bits. */
    static long mask(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    static String hexInt(long value) {
        return "0x" + Integer.toHexString((int) value).toUpperCase(java.util.Locale.ROOT);
    }

    static String hexLong(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(java.util.Locale.ROOT) + "L";
    }

    private Expr direct(int first, int width) {
        boolean little = endian == Endian.LITTLE;
        switch (width) {
            case 8:
                return new Expr(CodeBlock.of("(array[$L] & 0xFF)", index(first)), false);
            case 16:
                return new Expr(CodeBlock.of("$T.$L(array, $L)", RuntimeTypes.BYTES, little ? "u16le" : "u16", index(first)), false);
            case 32:
                return new Expr(CodeBlock.of("$T.$L(array, $L)", RuntimeTypes.BYTES, little ? "u32le" : "u32", index(first)), true);
            default:
                return new Expr(CodeBlock.of("$T.$L(array, $L)", RuntimeTypes.BYTES, little ? "i64le" : "i64", index(first)), true);
        }
    }

    private CodeBlock directWrite(int first, int width, CodeBlock value, boolean valueIsLong) {
        boolean little = endian == Endian.LITTLE;
        switch (width) {
            case 8:
                return CodeBlock.of("array[$L] = (byte) $L", index(first), parenthesized(value));
            case 16:
                return CodeBlock.of("$T.$L(array, $L, $L)", RuntimeTypes.BYTES, little ? "putU16le" : "putU16",
                        index(first), valueIsLong ? CodeBlock.of("(int) $L", parenthesized(value)) : value);
            case 32:
                return CodeBlock.of("$T.$L(array, $L, $L)", RuntimeTypes.BYTES, little ? "putI32le" : "putI32",
                        index(first), valueIsLong ? CodeBlock.of("(int) $L", parenthesized(value)) : value);
            default:
                return CodeBlock.of("$T.$L(array, $L, $L)", RuntimeTypes.BYTES, little ? "putI64le" : "putI64",
                        index(first), value);
        }
    }

    private Expr window(int start, int size) {
        boolean little = endian == Endian.LITTLE;
        switch (size) {
            case 1:
                return new Expr(CodeBlock.of("(array[$L] & 0xFF)", index(start)), false);
            case 2:
                return new Expr(CodeBlock.of("$T.$L(array, $L)", RuntimeTypes.BYTES, little ? "u16le" : "u16", index(start)), false);
            case 4:
                return new Expr(CodeBlock.of("$T.$L(array, $L)", RuntimeTypes.BYTES, little ? "i32le" : "i32", index(start)), false);
            default:
                return new Expr(CodeBlock.of("$T.$L(array, $L)", RuntimeTypes.BYTES, little ? "i64le" : "i64", index(start)), true);
        }
    }

    /** Where the field's lowest bit sits in a window of {@code size} bytes starting at byte {@code start}. */
    private int shift(int bit, int width, int start, int size) {
        int bitInWindow = bit - start * 8;
        return endian == Endian.BIG ? size * 8 - bitInWindow - width : bitInWindow;
    }

    private static Expr extract(Expr window, int windowBits, int shift, int width) {
        if (window.code().toString().startsWith("(array[") && windowBits == 8) {
            // A single byte: shift the signed byte and mask, rather than mask twice.
            String element = window.code().toString();
            element = element.substring(1, element.length() - " & 0xFF)".length());
            CodeBlock bare = shift == 0
                    ? CodeBlock.of("$L & $L", element, hexInt(mask(width)))
                    : CodeBlock.of("$L >> $L & $L", element, shift, hexInt(mask(width)));
            return compound(bare, false);
        }
        CodeBlock shifted = shift == 0 ? window.code() : CodeBlock.of("$L >>> $L", window.code(), shift);
        boolean needsMask = shift + width < windowBits || (!window.isLong() && windowBits > 32);
        if (!needsMask) {
            return shift == 0 ? window : compound(shifted, window.isLong());
        }
        String mask = window.isLong() ? hexLong(mask(width)) : hexInt(mask(width));
        return compound(CodeBlock.of("$L & $L", shifted, mask), window.isLong());
    }

    private static Expr compound(CodeBlock bare, boolean isLong) {
        return new Expr(CodeBlock.of("($L)", bare), isLong, bare);
    }

    private CodeBlock merge(int start, int size, int shift, int width, CodeBlock value, boolean valueIsLong) {
        long fieldMask = mask(width) << shift;
        long keep = ~fieldMask & mask(size * 8);
        boolean little = endian == Endian.LITTLE;
        CodeBlock intValue = valueIsLong ? CodeBlock.of("(int) $L", parenthesized(value)) : value;
        CodeBlock shiftedValue = shift == 0
                ? CodeBlock.of("($L & $L)", size == 8 ? value : intValue, size == 8 ? hexLong(mask(width)) : hexInt(mask(width)))
                : CodeBlock.of("($L & $L) << $L", size == 8 ? value : intValue,
                        size == 8 ? hexLong(mask(width)) : hexInt(mask(width)), shift);
        switch (size) {
            case 1:
                return CodeBlock.of("array[$L] = (byte) (array[$L] & $L | $L)", index(start), index(start), hexInt(keep), shiftedValue);
            case 2:
                return CodeBlock.of("$T.$L(array, $L, $T.$L(array, $L) & $L | $L)", RuntimeTypes.BYTES,
                        little ? "putU16le" : "putU16", index(start), RuntimeTypes.BYTES, little ? "u16le" : "u16",
                        index(start), hexInt(keep), shiftedValue);
            case 4:
                return CodeBlock.of("$T.$L(array, $L, $T.$L(array, $L) & $L | $L)", RuntimeTypes.BYTES,
                        little ? "putI32le" : "putI32", index(start), RuntimeTypes.BYTES, little ? "i32le" : "i32",
                        index(start), hexInt(keep), shiftedValue);
            default:
                return CodeBlock.of("$T.$L(array, $L, $T.$L(array, $L) & $L | $L)", RuntimeTypes.BYTES,
                        little ? "putI64le" : "putI64", index(start), RuntimeTypes.BYTES, little ? "i64le" : "i64",
                        index(start), hexLong(keep), shiftedValue);
        }
    }

    /** A field that spans nine bytes: split at the end of its first eight. */
    private Expr readSplit(int bit, int width) {
        int firstWidth = ((bit / 8) + 8) * 8 - bit;
        int secondWidth = width - firstWidth;
        CodeBlock high = read(bit, firstWidth).asLong();
        CodeBlock low = read(bit + firstWidth, secondWidth).asLong();
        if (endian == Endian.BIG) {
            return compound(CodeBlock.of("$L << $L | $L", high, secondWidth, widen(low)), true);
        }
        return compound(CodeBlock.of("$L | $L << $L", high, widen(low), firstWidth), true);
    }

    private CodeBlock writeSplit(int bit, int width, CodeBlock value, boolean valueIsLong) {
        int firstWidth = ((bit / 8) + 8) * 8 - bit;
        int secondWidth = width - firstWidth;
        CodeBlock.Builder code = CodeBlock.builder();
        if (endian == Endian.BIG) {
            code.add(write(bit, firstWidth, CodeBlock.of("$L >>> $L", parenthesized(value), secondWidth), valueIsLong));
            code.add(write(bit + firstWidth, secondWidth, CodeBlock.of("$L & $L", parenthesized(value), hexLong(mask(secondWidth))), true));
        } else {
            code.add(write(bit, firstWidth, CodeBlock.of("$L & $L", parenthesized(value), hexLong(mask(firstWidth))), true));
            code.add(write(bit + firstWidth, secondWidth, CodeBlock.of("$L >>> $L", parenthesized(value), firstWidth), valueIsLong));
        }
        return code.build();
    }

    private static CodeBlock widen(CodeBlock intOrLong) {
        return CodeBlock.of("(long) $L", intOrLong);
    }

    private static CodeBlock parenthesized(CodeBlock value) {
        String text = value.toString();
        boolean simple = text.matches("[A-Za-z_][A-Za-z0-9_.]*(\\(\\))?|\\d+L?|0x[0-9A-Fa-f]+L?");
        return simple ? value : CodeBlock.of("($L)", value);
    }
}
