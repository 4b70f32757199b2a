package io.zerowire.processor;

import io.zerowire.annotations.Checksum;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks a {@link LayoutDeclaration} against the rules of the layout language and reports every
 * problem it finds (not just the first) through the {@link Reporter}.
 */
final class LayoutValidator {
    private final Reporter reporter;

    LayoutValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Whether the layout is valid; if not, every problem has been reported. */
    boolean validate(LayoutDeclaration layout) {
        int before = reporter.errorCount();
        TypeElement type = layout.element();
        String name = type.getSimpleName().toString();

        for (javax.lang.model.element.Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                reporter.error(type, layout.headerMirror(), Message.LAYOUT_PRIVATE, name);
                break;
            }
        }
        String viewName = layout.viewName();
        if (!javax.lang.model.SourceVersion.isIdentifier(viewName) || javax.lang.model.SourceVersion.isKeyword(viewName)) {
            reporter.error(type, layout.headerMirror(), Message.BAD_HEADER_ATTRIBUTE, name,
                    "name \"" + viewName + "\" is not a Java identifier");
        } else if (viewName.equals(name) || (viewName + "Builder").equals(name)) {
            reporter.error(type, layout.headerMirror(), Message.BAD_HEADER_ATTRIBUTE, name,
                    "the generated class " + viewName + " would have the layout's own name: choose another name");
        }
        if (!type.getInterfaces().isEmpty()) {
            reporter.error(type, layout.headerMirror(), Message.LAYOUT_EXTENDS, name);
        }
        if (layout.minBodyLength() < 0) {
            reporter.error(type, layout.headerMirror(), Message.BAD_HEADER_ATTRIBUTE, name,
                    "minBodyLength must not be negative");
        }
        checkTypeParameters(layout);
        checkHelpers(type);
        if (layout.fields().isEmpty()) {
            reporter.error(type, layout.headerMirror(), Message.NO_FIELDS, name);
            return false;
        }

        boolean fieldsReadable = true;
        for (FieldDeclaration field : layout.fields()) {
            fieldsReadable &= checkField(field);
        }
        checkRoles(layout);
        new OptionalFieldRules(reporter).check(layout);
        new ParseOrderRules(reporter).check(layout);
        new ChecksumCoverageRules(reporter).check(layout);
        new RepeatedGroupRules(reporter).check(layout);
        new VariantRules(reporter).check(layout);
        if (fieldsReadable) {
            checkPacking(layout);
        }
        checkNames(layout);
        return reporter.errorCount() == before;
    }

    /** A layout annotation on a helper would be silently ignored: say so. */
    private void checkHelpers(TypeElement type) {
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (!LayoutReader.isHelper(method)) {
                continue;
            }
            for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
                TypeElement annotationType = (TypeElement) annotation.getAnnotationType().asElement();
                String qualified = annotationType.getQualifiedName().toString();
                if (qualified.startsWith("io.zerowire.annotations.")) {
                    reporter.error(method, annotation, Message.HELPER_ANNOTATED, method.getSimpleName(),
                            annotationType.getSimpleName());
                }
            }
        }
    }

    private void checkTypeParameters(LayoutDeclaration layout) {
        List<? extends TypeParameterElement> parameters = layout.typeParameters();
        TypeElement type = layout.element();
        if (parameters.size() > 1) {
            reporter.error(type, Message.TOO_MANY_TYPE_PARAMETERS, type.getSimpleName(), parameters.size());
            return;
        }
        for (TypeParameterElement parameter : parameters) {
            List<? extends TypeMirror> bounds = parameter.getBounds();
            boolean address = bounds.size() == 1 && bounds.get(0).getKind() == TypeKind.DECLARED
                    && ((TypeElement) ((DeclaredType) bounds.get(0)).asElement()).getQualifiedName()
                            .contentEquals("io.zerowire.ip.IpAddress");
            if (!address) {
                reporter.error(parameter, Message.TYPE_PARAMETER_NOT_ADDRESS,
                        parameter.getSimpleName(), type.getSimpleName(), parameter.getSimpleName());
            }
        }
    }

    /** Checks one field on its own; false when its width cannot be known. */
    private boolean checkField(FieldDeclaration field) {
        String name = field.name();
        boolean ok = true;
        if (!field.method().getParameters().isEmpty()) {
            reporter.error(field.method(), Message.FIELD_HAS_PARAMETERS, name);
        }
        if (!field.method().getTypeParameters().isEmpty()) {
            reporter.error(field.method(), Message.FIELD_IS_GENERIC, name);
        }
        FieldKind kind = field.kind();
        if (kind == FieldKind.UNSUPPORTED) {
            reporter.error(field.method(), Message.UNSUPPORTED_TYPE, name, field.type());
            return false;
        }
        if (kind == FieldKind.ENUM && field.enumProblem() != null) {
            reporter.error(field.method(), Message.BAD_ENUM, field.enumType().simpleName(), name, field.enumProblem());
        }

        if (kind.hasDeclaredWidth()) {
            ok &= checkWidth(field);
        } else if (field.bitsMirror() != null) {
            reporter.error(field.method(), field.bitsMirror(), Message.WIDTH_NOT_ALLOWED, name, field.type());
        }
        if (field.signed() && kind != FieldKind.INT && kind != FieldKind.LONG) {
            reporter.error(field.method(), field.signedMirror(), Message.SIGNED_NOT_ALLOWED, name);
        }
        if (kind == FieldKind.BYTES) {
            if (field.size() == null) {
                reporter.error(field.method(), Message.SIZE_REQUIRED, name);
                ok = false;
            } else if (field.size() < 1) {
                reporter.error(field.method(), field.sizeMirror(), Message.SIZE_OUT_OF_RANGE, field.size(), name);
                ok = false;
            }
        } else if (field.sizeMirror() != null) {
            reporter.error(field.method(), field.sizeMirror(), Message.SIZE_NOT_ALLOWED, name);
        }
        if (kind == FieldKind.OPTIONS && field.optionsMirror() == null) {
            reporter.error(field.method(), Message.OPTIONS_REQUIRED, name);
        }
        return ok;
    }

    private boolean checkWidth(FieldDeclaration field) {
        String name = field.name();
        if (field.bits() == null) {
            if (field.kind() == FieldKind.BOOLEAN) {
                return true; // one bit by default
            }
            reporter.error(field.method(), Message.MISSING_WIDTH, name);
            return false;
        }
        int bits = field.bits();
        if (bits < 1 || bits > 64) {
            reporter.error(field.method(), field.bitsMirror(), Message.WIDTH_OUT_OF_RANGE, bits, name);
            return false;
        }
        String why = null;
        switch (field.kind()) {
            case INT:
                if (bits > 32 || (bits == 32 && !field.signed())) {
                    why = "an int holds up to 31 unsigned bits or 32 signed ones; declare the field as long";
                }
                break;
            case ENUM:
                if (bits > 31) {
                    why = "an open enum's value() is an int of up to 31 bits";
                }
                break;
            case BOOLEAN:
                if (bits != 1) {
                    why = "a boolean is exactly 1 bit; declare the field as int";
                }
                break;
            default:
                break;
        }
        if (why != null) {
            reporter.error(field.method(), field.bitsMirror(), Message.WIDTH_TOO_LARGE, bits, field.type(), name, why);
        }
        return true;
    }

    private void checkRoles(LayoutDeclaration layout) {
        Map<FieldRole, FieldDeclaration> first = new HashMap<>();
        List<FieldDeclaration> fields = layout.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldDeclaration field = fields.get(i);
            String name = field.name();
            String[] present = rolesOf(field);
            if (present.length > 1) {
                reporter.error(field.method(), Message.CONFLICTING_ROLES, name, present[0], present[1]);
                continue;
            }
            FieldRole role = field.role();
            boolean numeric = field.kind() == FieldKind.INT || field.kind() == FieldKind.LONG;
            switch (role) {
                case CONST:
                    // An open enum's constant is its number: @Const(0x0800) EtherType type().
                    if (!numeric && field.kind() != FieldKind.BOOLEAN && field.kind() != FieldKind.ENUM) {
                        reporter.error(field.method(), field.constMirror(), Message.CONST_NEEDS_VALUE, name);
                    } else if (!constFits(field)) {
                        reporter.error(field.method(), field.constMirror(), Message.CONST_OUT_OF_RANGE,
                                field.constValue(), field.bits() == null ? 1 : field.bits(), name);
                    }
                    break;
                case HEADER_LENGTH:
                case TOTAL_LENGTH:
                    AnnotationMirror mirror = role == FieldRole.HEADER_LENGTH
                            ? field.headerLengthMirror() : field.totalLengthMirror();
                    String annotation = role == FieldRole.HEADER_LENGTH ? "HeaderLength" : "TotalLength";
                    Integer unit = role == FieldRole.HEADER_LENGTH ? field.headerLengthUnit() : field.totalLengthUnit();
                    if (!numeric) {
                        reporter.error(field.method(), mirror, Message.ROLE_NEEDS_NUMBER, annotation, name);
                    } else if (unit == null || unit < 1) {
                        reporter.error(field.method(), mirror, Message.LENGTH_WITHOUT_UNIT, annotation, name);
                    }
                    if (first.containsKey(role)) {
                        reporter.error(field.method(), mirror, Message.DUPLICATE_ROLE, name, annotation,
                                first.get(role).name());
                    }
                    break;
                case CHECKSUM:
                    if (first.containsKey(role)) {
                        reporter.error(field.method(), field.checksumMirror(), Message.TWO_CHECKSUMS, name,
                                first.get(role).name());
                    } else {
                        checkChecksum(layout, field);
                    }
                    break;
                case OPTIONS:
                    if (field.kind() != FieldKind.OPTIONS) {
                        reporter.error(field.method(), field.optionsMirror(), Message.OPTIONS_TYPE, name);
                    }
                    if (i != fields.size() - 1) {
                        reporter.error(field.method(), field.optionsMirror(), Message.OPTIONS_NOT_LAST, name);
                    }
                    boolean hasHeaderLength = fields.stream().anyMatch(f -> f.headerLengthMirror() != null);
                    if (!hasHeaderLength) {
                        reporter.error(field.method(), field.optionsMirror(), Message.OPTIONS_WITHOUT_HEADER_LENGTH, name);
                    }
                    new OptionHeaderRules(reporter).checkOptionsField(field, fields);
                    break;
                default:
                    break;
            }
            first.putIfAbsent(role, field);
        }
    }

    private void checkChecksum(LayoutDeclaration layout, FieldDeclaration field) {
        String name = field.name();
        AnnotationMirror mirror = field.checksumMirror();
        if (field.kind() != FieldKind.INT) {
            reporter.error(field.method(), mirror, Message.CHECKSUM_NOT_INT, name);
            return;
        }
        FieldDeclaration.ChecksumSpec spec = field.checksum();
        if (spec.covers() == Checksum.Coverage.PSEUDO_HEADER_AND_BODY) {
            if (spec.protocol() < 0 || spec.protocol() > 255) {
                reporter.error(field.method(), mirror, Message.CHECKSUM_NEEDS_PROTOCOL, name);
            }
            if (!layout.generic() && spec.ipVersion() == Checksum.IpVersion.GENERIC) {
                reporter.error(field.method(), mirror, Message.CHECKSUM_NEEDS_VERSION, name);
            }
            if (layout.generic() && spec.ipVersion() != Checksum.IpVersion.GENERIC) {
                reporter.error(field.method(), mirror, Message.CHECKSUM_VERSION_CONFLICT, name);
            }
        } else {
            if (spec.zeroMeansNoneOverIpv4()) {
                reporter.error(field.method(), mirror, Message.CHECKSUM_PSEUDO_ONLY, "zeroMeansNoneOverIpv4", name);
            }
            if (spec.transmitZeroAsAllOnes()) {
                reporter.error(field.method(), mirror, Message.CHECKSUM_PSEUDO_ONLY, "transmitZeroAsAllOnes", name);
            }
            if (spec.ipVersion() != Checksum.IpVersion.GENERIC) {
                reporter.error(field.method(), mirror, Message.CHECKSUM_PSEUDO_ONLY, "ipVersion", name);
            }
        }
    }

    /** Bit positions: whole bytes in total, byte alignment where needed, checksum shape. */
    private void checkPacking(LayoutDeclaration layout) {
        int bit = 0;
        for (FieldDeclaration field : layout.fields()) {
            if (field.presentIf() != null) {
                continue; // after the fixed fields, whole bytes: checked by OptionalFieldRules
            }
            int width = LayoutModel.width(field, Specialization.V4);
            boolean needsAlignment = !field.kind().hasDeclaredWidth();
            if (needsAlignment && bit % 8 != 0) {
                reporter.error(field.method(), Message.NOT_BYTE_ALIGNED, field.name(), bit);
            }
            if (field.role() == FieldRole.CHECKSUM && (width != 16 || bit % 16 != 0)) {
                reporter.error(field.method(), field.checksumMirror(), Message.CHECKSUM_SHAPE, field.name(), width, bit);
            }
            if (field.role() == FieldRole.CHECKSUM && layout.endian() == io.zerowire.annotations.Endian.LITTLE) {
                reporter.error(field.method(), field.checksumMirror(), Message.CHECKSUM_LITTLE_ENDIAN, field.name());
            }
            bit += width;
        }
        if (bit % 8 != 0) {
            reporter.error(layout.element(), layout.headerMirror(), Message.NOT_WHOLE_BYTES,
                    layout.element().getSimpleName(), bit, 8 - bit % 8);
            return;
        }
        boolean hasOptions = layout.fields().stream().anyMatch(f -> f.role() == FieldRole.OPTIONS);
        for (FieldDeclaration field : layout.fields()) {
            Integer unit = field.headerLengthUnit();
            // With options, the builder pads the option region to the format's alignment instead.
            if (!hasOptions && field.role() == FieldRole.HEADER_LENGTH && unit != null && unit > 0) {
                int fixed = bit / 8;
                int offset = field.headerLengthOffset();
                if (fixed < offset || (fixed - offset) % unit != 0) {
                    reporter.error(field.method(), field.headerLengthMirror(), Message.HEADER_LENGTH_UNREACHABLE,
                            unit, offset, field.name(), fixed);
                }
            }
        }
    }

    private void checkNames(LayoutDeclaration layout) {
        Map<String, FieldDeclaration> owners = new HashMap<>();
        Map<String, FieldDeclaration> constants = new HashMap<>();
        for (FieldDeclaration field : layout.fields()) {
            owners.put(field.name(), field);
            FieldDeclaration sameConstant = constants.putIfAbsent(GeneratedNames.offsetConstant(field.name()), field);
            if (sameConstant != null) {
                reporter.error(field.method(), Message.NAME_CLASH, field.name(),
                        GeneratedNames.offsetConstant(field.name()) + " generated for " + sameConstant.name() + "()");
            }
        }
        for (FieldDeclaration field : layout.fields()) {
            if (GeneratedNames.FIXED.contains(field.name())) {
                reporter.error(field.method(), Message.NAME_CLASH, field.name(), field.name() + "()");
                continue;
            }
            for (String extra : GeneratedNames.extras(field)) {
                FieldDeclaration other = owners.get(extra);
                if (GeneratedNames.FIXED.contains(extra)) {
                    reporter.error(field.method(), Message.NAME_CLASH, field.name(), extra + "()");
                } else if (other != null && other != field) {
                    reporter.error(other.method(), Message.NAME_CLASH, other.name(),
                            extra + "() generated for " + field.name() + "()");
                }
            }
        }
    }

    static String[] rolesOf(FieldDeclaration field) {
        return java.util.stream.Stream.of(
                        field.constMirror() != null ? "Const" : null,
                        field.reservedMirror() != null ? "Reserved" : null,
                        field.headerLengthMirror() != null ? "HeaderLength" : null,
                        field.totalLengthMirror() != null ? "TotalLength" : null,
                        field.checksumMirror() != null ? "Checksum" : null,
                        field.optionsMirror() != null ? "Options" : null)
                .filter(java.util.Objects::nonNull)
                .toArray(String[]::new);
    }

    private static boolean constFits(FieldDeclaration field) {
        int bits = field.bits() != null ? field.bits() : field.kind() == FieldKind.BOOLEAN ? 1 : 64;
        long value = field.constValue();
        if (field.signed()) {
            if (bits == 64) {
                return true;
            }
            long min = -(1L << (bits - 1));
            long max = (1L << (bits - 1)) - 1;
            return value >= min && value <= max;
        }
        return bits == 64 || (value >= 0 && value < (1L << bits));
    }
}
