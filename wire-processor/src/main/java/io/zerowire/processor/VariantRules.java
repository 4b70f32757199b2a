package io.zerowire.processor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;

/**
 * The rules of variants chosen by a type field ({@code @Variants}): one type field per layout, an
 * {@code int} or open enum of at most 31 bits without another role, in a fixed layout; each
 * variant a Java name, values within the field's width that no other variant claims, and a fixed
 * layout without a checksum of its own (the selecting header's checksum covers it, 16-bit words
 * from an even offset).
 */
final class VariantRules {
    private final Reporter reporter;

    VariantRules(Reporter reporter) {
        this.reporter = reporter;
    }

    void check(LayoutDeclaration layout) {
        FieldDeclaration selector = null;
        for (FieldDeclaration field : layout.fields()) {
            AnnotationMirror mirror = field.variantsMirror();
            if (mirror == null) {
                continue;
            }
            if (selector != null) {
                reporter.error(field.method(), mirror, Message.VARIANTS_TWICE, field.name(), selector.name());
                continue;
            }
            selector = field;
            checkSelector(layout, field, mirror);
        }
    }

    private void checkSelector(LayoutDeclaration layout, FieldDeclaration field, AnnotationMirror mirror) {
        boolean number = (field.kind() == FieldKind.INT || field.kind() == FieldKind.ENUM) && !field.signed()
                && field.bits() != null && field.bits() <= 31 && field.role() == FieldRole.PLAIN
                && field.presentIf() == null;
        if (!number) {
            String what = field.role() != FieldRole.PLAIN ? "@" + LayoutValidator.rolesOf(field)[0]
                    : field.presentIf() != null ? "optional"
                    : field.signed() ? "signed"
                    : field.bits() == null ? field.type().toString()
                    : field.type() + " of " + field.bits() + " bits";
            reporter.error(field.method(), mirror, Message.VARIANTS_NOT_A_NUMBER, field.name(), what);
        }
        for (FieldDeclaration other : layout.fields()) {
            AnnotationMirror unsupported = other.headerLengthMirror() != null ? other.headerLengthMirror()
                    : other.totalLengthMirror() != null ? other.totalLengthMirror()
                    : other.optionsMirror() != null ? other.optionsMirror()
                    : other.presentIfMirror();
            if (unsupported != null) {
                reporter.error(field.method(), mirror, Message.VARIANTS_UNSUPPORTED, field.name(),
                        unsupported.getAnnotationType().asElement().getSimpleName(), other.name());
            }
        }
        checkOffset(layout, field, mirror);
        List<VariantModel.Declared> variants = VariantModel.read(field);
        if (variants.isEmpty()) {
            reporter.error(field.method(), mirror, Message.VARIANTS_EMPTY, field.name());
        }
        Set<String> names = new HashSet<>();
        Map<Integer, String> owners = new HashMap<>();
        for (VariantModel.Declared variant : variants) {
            checkName(layout, field, variant, names);
            if (variant.values().isEmpty()) {
                reporter.error(field.method(), variant.mirror(), Message.VARIANT_NO_VALUE, variant.name(), field.name());
            }
            for (int value : variant.values()) {
                if (number && (value < 0 || value > BitCodec.mask(field.bits()))) {
                    reporter.error(field.method(), variant.mirror(), Message.VARIANT_OUT_OF_RANGE, variant.name(),
                            field.name(), value, field.bits(), field.name());
                }
                String owner = owners.putIfAbsent(value, variant.name());
                if (owner != null) {
                    reporter.error(field.method(), variant.mirror(), Message.VARIANT_DUPLICATE_VALUE, variant.name(),
                            field.name(), value, owner);
                }
            }
            checkLayout(field, variant);
        }
    }

    /** A checksum sums 16-bit words from the header's start: the variant must start on one. */
    private void checkOffset(LayoutDeclaration layout, FieldDeclaration field, AnnotationMirror mirror) {
        FieldDeclaration checksum = layout.fields().stream().filter(f -> f.checksumMirror() != null).findFirst().orElse(null);
        if (checksum == null || checksum.checksum().covers() == io.zerowire.annotations.Checksum.Coverage.HEADER) {
            return;
        }
        int bits = layout.fields().stream().mapToInt(f -> LayoutModel.width(f, Specialization.V4)).sum();
        if (bits % 8 == 0 && (bits / 8) % 2 != 0) {
            reporter.error(field.method(), mirror, Message.VARIANT_ODD_OFFSET, field.name(), bits / 8, checksum.name());
        }
    }

    private void checkName(LayoutDeclaration layout, FieldDeclaration field, VariantModel.Declared variant,
            Set<String> names) {
        String name = variant.name();
        String problem = null;
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
            problem = "the name is not a Java identifier";
        } else if (!Character.isLowerCase(name.charAt(0))) {
            problem = "the name starts with a capital: write it in lower camel case (echoRequest)";
        } else if (VariantModel.constant(name).equals("UNKNOWN")) {
            problem = "the name would give the constant UNKNOWN, which stands for the values no variant names";
        } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
            problem = "another variant has this name";
        } else if (layout.field(name) != null) {
            problem = "a field has this name, and the builder's method for the variant would clash with its setter";
        }
        if (problem != null) {
            reporter.error(field.method(), variant.mirror(), Message.VARIANT_BAD_NAME, name, field.name(), problem);
        }
    }

    private void checkLayout(FieldDeclaration field, VariantModel.Declared variant) {
        if (variant.layout() == null || variant.layout().getKind() != ElementKind.INTERFACE || variant.header() == null) {
            reporter.error(field.method(), variant.mirror(), Message.VARIANT_NOT_A_LAYOUT, variant.name(), field.name(),
                    variant.layoutType());
            return;
        }
        String why = VariantModel.notFixed(variant.layout());
        if (why != null) {
            reporter.error(field.method(), variant.mirror(), Message.VARIANT_NOT_FIXED, variant.name(), field.name(),
                    variant.layoutType(), why);
        }
    }
}
