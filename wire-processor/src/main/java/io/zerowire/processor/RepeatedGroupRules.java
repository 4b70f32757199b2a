package io.zerowire.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * The rules of repeated groups ({@code @Repeated}): a group is the last field, a {@code List} of
 * IPv4 or IPv6 addresses or of a fixed-size layout; it has a bound, and either an earlier plain
 * {@code int}/{@code long} count field or (for layout elements) a 1-bit flag of the element that
 * marks the last one. Option regions, optional fields and (over layout elements, whose views edit in
 * place without it) a checksum are not combined with a group.
 */
final class RepeatedGroupRules {
    private final Reporter reporter;

    RepeatedGroupRules(Reporter reporter) {
        this.reporter = reporter;
    }

    /** The count field's name as {@code @Repeated} gives it, or "" when there is none. */
    static String countName(FieldDeclaration field) {
        AnnotationMirror mirror = field.repeatedMirror();
        return mirror == null ? "" : LayoutReader.Mirrors.stringValue(mirror, "count");
    }

    void check(LayoutDeclaration layout) {
        List<FieldDeclaration> fields = layout.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldDeclaration field = fields.get(i);
            AnnotationMirror mirror = field.repeatedMirror();
            if (field.kind() != FieldKind.REPEATED) {
                if (mirror != null && field.kind() != FieldKind.UNSUPPORTED) {
                    reporter.error(field.method(), mirror, Message.REPEATED_ANNOTATION_ON_FIELD, field.name(), field.type());
                }
                continue;
            }
            if (mirror == null) {
                reporter.error(field.method(), Message.REPEATED_REQUIRED, field.name(), field.type());
                continue;
            }
            if (i != fields.size() - 1) {
                reporter.error(field.method(), mirror, Message.REPEATED_NOT_LAST, field.name());
            }
            checkGroup(layout, field, mirror, i);
        }
    }

    private void checkGroup(LayoutDeclaration layout, FieldDeclaration field, AnnotationMirror mirror, int index) {
        String name = field.name();
        TypeElement element = RepeatedGroup.elementType(field.type());
        RepeatedGroup.Kind kind = RepeatedGroup.elementKind(element);
        if (kind == null) {
            reporter.error(field.method(), Message.REPEATED_TYPE, name, field.type());
        } else if (kind == RepeatedGroup.Kind.LAYOUT) {
            String problem = notFixed(element);
            if (problem != null) {
                reporter.error(field.method(), Message.REPEATED_ELEMENT_NOT_FIXED, name, element.getSimpleName(), problem);
                kind = null;
            }
        }
        if (LayoutReader.Mirrors.intValue(mirror, "max") < 1) {
            reporter.error(field.method(), mirror, Message.REPEATED_NO_BOUND, name);
        }
        String count = LayoutReader.Mirrors.stringValue(mirror, "count");
        String until = LayoutReader.Mirrors.stringValue(mirror, "until");
        if (count.isEmpty() == until.isEmpty()) {
            reporter.error(field.method(), mirror, Message.REPEATED_HOW, name);
        } else if (!count.isEmpty()) {
            checkCount(layout.fields(), field, mirror, count, index);
            int countOffset = LayoutReader.Mirrors.intValue(mirror, "countOffset");
            if (countOffset < 0) {
                reporter.error(field.method(), mirror, Message.REPEATED_COUNT_OFFSET, countOffset, name);
            }
        } else if (kind != null && kind != RepeatedGroup.Kind.LAYOUT) {
            reporter.error(field.method(), mirror, Message.REPEATED_UNTIL_NOT_LAYOUT, until, name, element.getSimpleName());
        } else if (kind != null && LayoutReader.readFields(element).stream()
                .noneMatch(f -> f.name().equals(until) && OptionalFieldRules.isFlag(f))) {
            reporter.error(field.method(), mirror, Message.REPEATED_UNTIL_NO_FLAG, until, name, element.getSimpleName());
        }
        for (FieldDeclaration other : layout.fields()) {
            AnnotationMirror unsupported = other.optionsMirror() != null ? other.optionsMirror()
                    : other.presentIfMirror() != null ? other.presentIfMirror()
                    : kind == RepeatedGroup.Kind.LAYOUT ? other.checksumMirror()
                    : null;
            if (unsupported != null) {
                reporter.error(other.method(), unsupported, Message.REPEATED_UNSUPPORTED,
                        unsupported.getAnnotationType().asElement().getSimpleName(), other.name(), name);
            }
        }
    }

    private void checkCount(List<FieldDeclaration> fields, FieldDeclaration field, AnnotationMirror mirror,
            String count, int index) {
        int countIndex = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(count)) {
                countIndex = i;
            }
        }
        if (countIndex < 0) {
            reporter.error(field.method(), mirror, Message.REPEATED_COUNT_NO_FIELD, count, field.name());
            return;
        }
        FieldDeclaration counter = fields.get(countIndex);
        boolean number = counter.kind() == FieldKind.INT || counter.kind() == FieldKind.LONG;
        if (!number || counter.role() != FieldRole.PLAIN || counter.presentIf() != null || counter.signed()) {
            reporter.error(field.method(), mirror, Message.REPEATED_COUNT_NOT_NUMBER, count, field.name(), count);
        } else if (countIndex > index) {
            reporter.error(field.method(), mirror, Message.REPEATED_COUNT_AFTER, count, field.name());
        }
    }

    /** Why an element layout is not of fixed size, or null when it is. */
    private static String notFixed(TypeElement element) {
        if (!element.getTypeParameters().isEmpty()) {
            return "it is generic over the IP version";
        }
        List<FieldDeclaration> fields = LayoutReader.readFields(element);
        if (fields.isEmpty()) {
            return "it has no fields";
        }
        for (FieldDeclaration field : fields) {
            String[] roles = LayoutValidator.rolesOf(field);
            for (String role : roles) {
                if (!role.equals("Const") && !role.equals("Reserved")) {
                    return "it has @" + role + " on " + field.name() + "()";
                }
            }
            if (field.presentIf() != null) {
                return "it has @PresentIf on " + field.name() + "()";
            }
            if (field.kind() == FieldKind.REPEATED || field.kind() == FieldKind.UNSUPPORTED) {
                return "it has the field " + field.name() + "()";
            }
        }
        return null;
    }
}
