package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Endian;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A validated layout, laid out for one specialization: every field's bit offset and width, the
 * fixed length, and the fields with special roles. Computed once; the writers only read it.
 */
final class LayoutModel {
    private final LayoutDeclaration declaration;
    private final Specialization specialization;
    private final List<FieldModel> fields;
    private final int fixedLength;
    private final List<OptionalField> optionals;
    private final RepeatedGroup group;

    /** An optional field and the flag that gates it; its bit offset is where it is when every field is present. */
    record OptionalField(FieldModel field, FieldModel gate) {}

    private LayoutModel(LayoutDeclaration declaration, Specialization specialization) {
        this.declaration = declaration;
        this.specialization = specialization;
        List<FieldModel> laidOut = new ArrayList<>();
        int bit = 0;
        List<FieldDeclaration> optional = new ArrayList<>();
        FieldDeclaration repeated = null;
        for (FieldDeclaration field : declaration.fields()) {
            if (field.kind() == FieldKind.REPEATED) {
                repeated = field; // after the fixed fields, laid out by RepeatedGroup
                continue;
            }
            if (field.presentIf() != null) {
                optional.add(field);
                continue;
            }
            int width = width(field, specialization);
            FieldKind kind = field.kind() == FieldKind.ADDRESS
                    ? (specialization == Specialization.V6 ? FieldKind.IPV6 : FieldKind.IPV4)
                    : field.kind();
            laidOut.add(new FieldModel(field, kind, bit, width));
            bit += width;
        }
        this.fields = Collections.unmodifiableList(laidOut);
        this.fixedLength = bit / 8;
        List<OptionalField> gated = new ArrayList<>();
        for (FieldDeclaration field : optional) {
            FieldModel gate = laidOut.stream().filter(f -> f.name().equals(field.presentIf())).findFirst().orElseThrow();
            gated.add(new OptionalField(new FieldModel(field, field.kind(), bit, width(field, specialization)), gate));
            bit += width(field, specialization);
        }
        this.optionals = Collections.unmodifiableList(gated);
        this.group = repeated == null ? null : RepeatedGroup.of(repeated, laidOut);
    }

    /** The models to generate for a valid declaration: one, or one per IP version for a generic layout. */
    static List<LayoutModel> of(LayoutDeclaration declaration) {
        if (declaration.generic()) {
            return List.of(new LayoutModel(declaration, Specialization.V4), new LayoutModel(declaration, Specialization.V6));
        }
        return List.of(new LayoutModel(declaration, Specialization.NONE));
    }

    /** A field's width in bits for a specialization (options take no fixed bits). */
    static int width(FieldDeclaration field, Specialization specialization) {
        switch (field.kind()) {
            case INT:
            case LONG:
            case ENUM:
                return field.bits() == null ? 0 : field.bits();
            case BOOLEAN:
                return field.bits() == null ? 1 : field.bits();
            case BYTES:
                return field.size() == null ? 0 : field.size() * 8;
            case OPTIONS:
            case REPEATED:
            case UNSUPPORTED:
                return 0;
            default:
                return field.kind().impliedWidth(specialization);
        }
    }

    LayoutDeclaration declaration() {
        return declaration;
    }

    TypeElement element() {
        return declaration.element();
    }

    Specialization specialization() {
        return specialization;
    }

    List<FieldModel> fields() {
        return fields;
    }

    /** The fixed field named {@code name}, or null. */
    FieldModel field(String name) {
        for (FieldModel field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }

    /** The optional fields, in order, after the fixed ones; {@link #fields()} holds the fixed fields only. */
    List<OptionalField> optionals() {
        return optionals;
    }

    /** The repeated group after the fixed fields, or null; {@link #fields()} does not hold it. */
    RepeatedGroup group() {
        return group;
    }

    /** Whether {@code field} counts the elements of the repeated group (derived by the builder). */
    boolean isCount(FieldModel field) {
        return group != null && group.count() != null && group.count().name().equals(field.name());
    }

    /** Whether {@code field} is the flag of an optional field. */
    boolean isGate(FieldModel field) {
        return optionals.stream().anyMatch(o -> o.gate().name().equals(field.name()));
    }

    /** Bytes of the fixed fields, before any options. */
    int fixedLength() {
        return fixedLength;
    }

    Endian endian() {
        return declaration.endian();
    }

    String layer() {
        return declaration.layer();
    }

    ClassName viewClass() {
        return ClassName.get(declaration.packageName(), declaration.viewName() + specialization.suffix());
    }

    ClassName builderClass() {
        return ClassName.get(declaration.packageName(), declaration.viewName() + specialization.suffix() + "Builder");
    }

    /** The layout interface as the view implements it, with the address type filled in. */
    TypeName layoutType() {
        ClassName raw = ClassName.get(declaration.element());
        return specialization == Specialization.NONE ? raw : ParameterizedTypeName.get(raw, specialization.addressType());
    }

    FieldModel headerLength() {
        return withRole(FieldRole.HEADER_LENGTH);
    }

    FieldModel totalLength() {
        return withRole(FieldRole.TOTAL_LENGTH);
    }

    /** The checksum field, fixed or optional ({@link #optionalChecksum()} tells which), or null. */
    FieldModel checksum() {
        OptionalField optional = optionalChecksum();
        return optional != null ? optional.field() : withRole(FieldRole.CHECKSUM);
    }

    /** The checksum when it is an optional field (GRE's): at a run-time offset, only when its flag is set; else null. */
    OptionalField optionalChecksum() {
        for (OptionalField optional : optionals) {
            if (optional.field().role() == FieldRole.CHECKSUM) {
                return optional;
            }
        }
        return null;
    }

    FieldModel options() {
        return withRole(FieldRole.OPTIONS);
    }

    /** The pseudo-header's IP version, or NONE when the checksum has no pseudo-header (or there is none). */
    Specialization pseudoHeader() {
        FieldModel checksum = checksum();
        if (checksum == null || checksum.checksum().covers() != Checksum.Coverage.PSEUDO_HEADER_AND_BODY) {
            return Specialization.NONE;
        }
        switch (checksum.checksum().ipVersion()) {
            case V4:
                return Specialization.V4;
            case V6:
                return Specialization.V6;
            default:
                return specialization;
        }
    }

    boolean hasBitFields() {
        return fields.stream().anyMatch(f -> f.bitOffset() % 8 != 0 || f.bitWidth() % 8 != 0);
    }

    private FieldModel withRole(FieldRole role) {
        for (FieldModel field : fields) {
            if (field.role() == role) {
                return field;
            }
        }
        return null;
    }
}
