package io.zerowire.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * The rules of optional fields ({@code @PresentIf}): each names an earlier 1-bit boolean flag, is an
 * {@code int} or {@code long} of whole bytes, and follows every fixed field; a layout with optional
 * fields has no length fields, checksum or options, whose rules assume a fixed header.
 */
final class OptionalFieldRules {
    private final Reporter reporter;

    OptionalFieldRules(Reporter reporter) {
        this.reporter = reporter;
    }

    void check(LayoutDeclaration layout) {
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
        if (roles.length > 0) {
            reporter.error(field.method(), Message.OPTIONAL_ROLE, field.name(), roles[0]);
        }
    }

    /** A plain, fixed 1-bit boolean. */
    static boolean isFlag(FieldDeclaration field) {
        return field.kind() == FieldKind.BOOLEAN && (field.bits() == null || field.bits() == 1)
                && field.role() == FieldRole.PLAIN && field.presentIf() == null;
    }
}
