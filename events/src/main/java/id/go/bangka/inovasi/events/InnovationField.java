package id.go.bangka.inovasi.events;

/** Bidang inovasi: KemenPAN-RB's KIPP categories. */
public enum InnovationField {
    GOVERNANCE,
    POVERTY_ALLEVIATION,
    EDUCATION,
    HEALTH,
    FOOD_SECURITY,
    ECONOMIC_GROWTH_AND_EMPLOYMENT,
    COMMUNITY_EMPOWERMENT,
    GENDER_RESPONSIVE_PUBLIC_SERVICE,
    ENVIRONMENT,
    LAW_ENFORCEMENT
}
