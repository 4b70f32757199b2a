package io.zerowire.processor;

import io.zerowire.annotations.Endian;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The rules of option formats: that an {@code @OptionHeader} interface describes a header the
 * runtime can read and a list a builder can write (every mistake reported at the field or
 * annotation at fault), and that a header's {@code @Options} names such an interface and has a
 * header length that a builder can derive from the padded options.
 */
final class OptionHeaderRules {
    private static final int MAX_HEADER_BYTES = 8;
    private static final int MAX_KIND_BITS = 24;
    private static final int MAX_LENGTH_BITS = 16;
    /** The runtime reads a field from at most 4 bytes. */
    private static final int MAX_FIELD_BYTES = 4;

    private final Reporter reporter;

    OptionHeaderRules(Reporter reporter) {
        this.reporter = reporter;
    }

    /** The resolved option header, or {@code null} after reporting what is wrong with it. */
    OptionHeaderModel validate(OptionHeaderDeclaration header) {
        int errors = reporter.errorCount();
        TypeElement type = header.element();
        String typeName = type.getSimpleName().toString();
        int bit = 0;
        int kindOffset = -1;
        int kindWidth = 0;
        OptionHeaderDeclaration.Field lastKind = null;
        OptionHeaderDeclaration.Field length = null;
        int lengthOffset = -1;
        boolean previousWasKind = false;
        boolean unknownWidth = false;
        for (OptionHeaderDeclaration.Field field : header.fields()) {
            if (!field.method().getParameters().isEmpty()) {
                reporter.error(field.method(), Message.FIELD_HAS_PARAMETERS, field.name());
            }
            boolean intField = field.type() == TypeKind.INT && field.bits() != null && field.bits() >= 1
                    && field.bits() <= 32;
            if (!intField && field.type() != TypeKind.BOOLEAN) {
                reporter.error(field.method(), Message.OPTION_FIELD_TYPE, field.name());
                // Its width is unknown: checking its bits would only repeat the error.
                length = length == null && field.lengthMirror() != null ? field : length;
                lastKind = lastKind == null && field.kindMirror() != null ? field : lastKind;
                unknownWidth = true;
                previousWasKind = false;
                continue;
            }
            if (field.kindMirror() != null && field.lengthMirror() != null) {
                reporter.error(field.method(), field.lengthMirror(), Message.CONFLICTING_ROLES, field.name(),
                        "OptionKind", "OptionLength");
            } else if (field.kindMirror() != null) {
                if (lastKind == null) {
                    kindOffset = bit;
                } else if (!previousWasKind) {
                    reporter.error(field.method(), field.kindMirror(), Message.OPTION_KIND_NOT_ADJACENT, field.name(),
                            lastKind.name());
                }
                kindWidth += field.width();
                lastKind = field;
            } else if (field.lengthMirror() != null) {
                if (length != null) {
                    reporter.error(field.method(), field.lengthMirror(), Message.OPTION_LENGTH_DUPLICATE, field.name(),
                            length.name());
                } else {
                    length = field;
                    lengthOffset = bit;
                    int unit = field.unit();
                    if (unit != 1 && unit != 2 && unit != 4 && unit != 8) {
                        reporter.error(field.method(), field.lengthMirror(), Message.OPTION_LENGTH_UNIT, field.name(),
                                unit == 0 ? "none" : String.valueOf(unit));
                    }
                    checkPlacement(header, field, field.lengthMirror(), bit, field.width(), MAX_LENGTH_BITS,
                            Message.OPTION_LENGTH_WIDTH);
                }
            }
            previousWasKind = field.kindMirror() != null && field.lengthMirror() == null;
            bit += field.width();
        }
        if (lastKind == null) {
            reporter.error(type, header.mirror(), Message.OPTION_KIND_MISSING, typeName);
        } else if (!unknownWidth) {
            checkPlacement(header, lastKind, lastKind.kindMirror(), kindOffset, kindWidth, MAX_KIND_BITS,
                    Message.OPTION_KIND_WIDTH);
        }
        if (length == null) {
            reporter.error(type, header.mirror(), Message.OPTION_LENGTH_MISSING, typeName);
        }
        if (!unknownWidth && (bit % 8 != 0 || bit == 0 || bit > 8 * MAX_HEADER_BYTES)) {
            reporter.error(type, header.mirror(), Message.OPTION_HEADER_SIZE, typeName, bit);
        }
        if (reporter.errorCount() != errors) {
            return null;
        }
        OptionHeaderModel model = new OptionHeaderModel(header, bit / 8, kindOffset, kindWidth, lengthOffset,
                length.width(), length.unit(), "WHOLE_OPTION".equals(length.counts()));
        String problem = ruleProblem(model);
        if (problem != null) {
            reporter.error(type, header.mirror(), Message.OPTION_HEADER_RULE, typeName, problem);
            return null;
        }
        return model;
    }

    /** Width, span and byte order of a kind or length field starting at {@code offset}. */
    private void checkPlacement(OptionHeaderDeclaration header, OptionHeaderDeclaration.Field field,
            AnnotationMirror mirror, int offset, int width, int maxBits, Message message) {
        int bytes = ((offset + width + 7) >>> 3) - (offset >>> 3);
        if (width < 1 || width > maxBits || bytes > MAX_FIELD_BYTES) {
            reporter.error(field.method(), mirror, message, field.name(), width);
        } else if (header.order() == Endian.LITTLE && (offset % 8 != 0 || width % 8 != 0)) {
            reporter.error(field.method(), mirror, Message.OPTION_LITTLE_ENDIAN_FIELD, field.name(), offset, width);
        }
    }

    /** What makes the list's rules contradict each other or the header, or {@code null}. */
    private static String ruleProblem(OptionHeaderModel model) {
        OptionHeaderDeclaration h = model.declaration();
        int maxKind = (1 << model.kindWidth()) - 1;
        boolean kindIsFirstByte = model.kindOffset() == 0 && model.kindWidth() == 8;
        for (int kind : h.singleByteKinds()) {
            if (!kindIsFirstByte) {
                return "single-byte kinds need a kind field that is the header's first byte, 8 bits";
            }
            if (kind < 0 || kind > maxKind) {
                return "single-byte kind " + kind + " is out of the kind's range 0.." + maxKind;
            }
        }
        if (h.endOfList() < -1 || h.endOfList() > maxKind) {
            return "endOfList = " + h.endOfList() + " is out of the kind's range 0.." + maxKind + " (or -1 for none)";
        }
        if (!isAlignment(h.valueAlignment()) || !isAlignment(h.regionAlignment())) {
            return "valueAlignment and regionAlignment must be 1, 2, 4 or 8";
        }
        if (h.valueAlignment() != 1 && model.lengthIncludesHeader()) {
            return "valueAlignment pads values whose length is counted without them: it needs"
                    + " @OptionLength(counts = VALUE)";
        }
        if (h.maxOptions() < 1) {
            return "maxOptions = " + h.maxOptions() + " must be at least 1";
        }
        switch (h.padding()) {
            case "END_OF_LIST_THEN_ZEROS":
                if (h.endOfList() < 0) {
                    return "padding END_OF_LIST_THEN_ZEROS needs an endOfList kind";
                }
                break;
            case "PAD1_PADN":
                if (!h.singleByteKinds().contains(h.pad1())) {
                    return "padding PAD1_PADN needs pad1, a single-byte kind";
                }
                if (h.padN() < 0 || h.padN() > maxKind || h.singleByteKinds().contains(h.padN())) {
                    return "padding PAD1_PADN needs padN, a kind with a length that is not single-byte";
                }
                if (h.pad1() == h.endOfList() || h.padN() == h.endOfList()) {
                    return "padding kinds must not end the list";
                }
                if (model.lengthUnit() != 1 || h.valueAlignment() != 1) {
                    return "padding PAD1_PADN needs a length in bytes (unit = 1) and no valueAlignment";
                }
                break;
            default:
                break;
        }
        return null;
    }

    private static boolean isAlignment(int n) {
        return n == 1 || n == 2 || n == 4 || n == 8;
    }

    /**
     * Checks an {@code @Options} field of a header: that it names an {@code @OptionHeader}
     * interface, and that the header's {@code @HeaderLength} can count the region a builder pads
     * to the format's alignment, so that no builder can write a length that disagrees with its options.
     */
    void checkOptionsField(FieldDeclaration field, List<FieldDeclaration> fields) {
        TypeMirror format = field.optionsFormat();
        Element element = format instanceof DeclaredType ? ((DeclaredType) format).asElement() : null;
        AnnotationMirror header = element == null ? null : LayoutReader.Mirrors.find(element, OptionHeaderReader.OPTION_HEADER);
        if (header == null) {
            reporter.error(field.method(), field.optionsMirror(), Message.OPTIONS_NOT_AN_OPTION_HEADER,
                    format == null ? "?" : format, field.name());
            return;
        }
        int alignment = LayoutReader.Mirrors.intValue(header, "regionAlignment");
        for (FieldDeclaration length : fields) {
            Integer unit = length.headerLengthUnit();
            if (length.headerLengthMirror() != null && unit != null && unit > 0
                    && (alignment % unit != 0 || length.headerLengthOffset() % unit != 0)) {
                reporter.error(length.method(), length.headerLengthMirror(), Message.OPTIONS_LENGTH_NOT_DERIVABLE,
                        length.name(), unit, length.headerLengthOffset(), element.getSimpleName(), alignment);
            }
        }
    }
}
