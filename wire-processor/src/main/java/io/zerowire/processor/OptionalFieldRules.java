package io.zerowire.processor;

import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Endian;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * The rules of optional fields ({@code @PresentIf}): each names an earlier 1-bit boolean flag, is an
 * {@code int} or {@code long} of whole bytes, and follows every fixed field; a layout with optional
 * fields has no length fields, options or fixed checksum, whose rules assume a fixed header. The
 * checksum may itself be optional (GRE's, RFC 2784): over the header, or the header and the body,
 * 16 bits at an even offset whichever fields are present.
 */
final class OptionalFieldRules {
    private final Reporter reporter;
    private Endian endian;

    OptionalFieldRules(Reporter reporter) {
        this.reporter = reporter;
    }

    void check(LayoutDeclaration layout) {
        this.endian = layout.endian();
        List<FieldDeclaration> fields = layout.fields();
        FieldDeclaration firstOptional = null;
        for (int i = 0; i < fields.size(); i++) {
            FieldDeclaration field = fields.get(i);
            if (field.presentIf() != null) {
                if (firstOptional == null) {
                    firstOptional = field;
                }
                checkOptional(fields, i);
            } else if (firstOptional != null) {
                reporter.error(field.method(), Message.FIXED_AFTER_OPTIONAL, field.name(), firstOptional.name());
            }
        }
        if (firstOptional == null) {
            return;
        }
        for (FieldDeclaration field : fields) {
            AnnotationMirror unsupported = field.presentIf() != null ? null
                    : field.headerLengthMirror() != null ? field.headerLengthMirror()
                    : field.totalLengthMirror() != null ? field.totalLengthMirror()
                    : field.checksumMirror() != null ? field.checksumMirror()
                    : field.optionsMirror();
            if (unsupported != null) {
                reporter.error(field.method(), unsupported, Message.OPTIONAL_UNSUPPORTED,
                        unsupported.getAnnotationType().asElement().getSimpleName(), field.name(), firstOptional.name());
            }
        }
    }

    private void checkOptional(List<FieldDeclaration> fields, int index) {
        FieldDeclaration field = fields.get(index);
        String gateName = field.presentIf();
        AnnotationMirror mirror = field.presentIfMirror();
        int gateIndex = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(gateName)) {
                gateIndex = i;
            }
        }
        if (gateIndex < 0) {
            reporter.error(field.method(), mirror, Message.PRESENT_IF_NO_FIELD, gateName, field.name());
        } else if (!isFlag(fields.get(gateIndex))) {
            reporter.error(field.method(), mirror, Message.PRESENT_IF_NOT_FLAG, gateName, field.name(), gateName);
        } else if (gateIndex > index) {
            reporter.error(field.method(), mirror, Message.PRESENT_IF_FLAG_AFTER, gateName, field.name());
        }
        if (field.kind() != FieldKind.INT && field.kind() != FieldKind.LONG) {
            if (field.kind() != FieldKind.UNSUPPORTED) {
                reporter.error(field.method(), Message.OPTIONAL_TYPE, field.name(), field.type());
            }
        } else if (field.bits() != null && field.bits() % 8 != 0) {
            reporter.error(field.method(), field.bitsMirror(), Message.OPTIONAL_NOT_WHOLE_BYTES, field.name(), field.bits());
        }
        String[] roles = LayoutValidator.rolesOf(field);
        if (field.checksumMirror() != null && roles.length == 1) {
            checkOptionalChecksum(fields, index);
        } else if (roles.length > 0) {
            reporter.error(field.method(), Message.OPTIONAL_ROLE, field.name(), roles[0]);
        }
    }

    /**
     * An optional checksum's coverage and shape: the view finds it at a run-time offset, which must
     * be even (a word of the sum) for every combination of present fields.
     */
    private void checkOptionalChecksum(List<FieldDeclaration> fields, int index) {
        FieldDeclaration field = fields.get(index);
        AnnotationMirror mirror = field.checksumMirror();
        if (field.checksum().covers() == Checksum.Coverage.PSEUDO_HEADER_AND_BODY) {
            reporter.error(field.method(), mirror, Message.OPTIONAL_CHECKSUM_PSEUDO, field.name());
        }
        if (endian == Endian.LITTLE) {
            reporter.error(field.method(), mirror, Message.CHECKSUM_LITTLE_ENDIAN, field.name());
        }
        int bit = 0;
        for (int i = 0; i < index; i++) {
            bit += LayoutModel.width(fields.get(i), Specialization.V4);
        }
        int width = LayoutModel.width(field, Specialization.V4);
        if (width != 16 || bit % 16 != 0) {
            reporter.error(field.method(), mirror, Message.CHECKSUM_SHAPE, field.name(), width, bit);
            return;
        }
        // Even with every field present; each optional field before it may be absent, so each must be even too.
        for (int i = 0; i < index; i++) {
            FieldDeclaration before = fields.get(i);
            int bits = LayoutModel.width(before, Specialization.V4);
            if (before.presentIf() != null && bits % 16 != 0) {
                reporter.error(field.method(), mirror, Message.OPTIONAL_CHECKSUM_SHAPE, field.name(),
                        before.name() + "()", bits);
            }
        }
    }

    /** A plain, fixed 1-bit boolean. */
    static boolean isFlag(FieldDeclaration field) {
        return field.kind() == FieldKind.BOOLEAN && (field.bits() == null || field.bits() == 1)
                && field.role() == FieldRole.PLAIN && field.presentIf() == null;
    }
}
