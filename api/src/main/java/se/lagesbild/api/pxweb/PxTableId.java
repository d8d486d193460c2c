package se.lagesbild.api.pxweb;

import se.lagesbild.warehouse.indicators.Indicator;

/**
 * A PxWebApi 2 table: an indicator by age group (its own table, id = the indicator's code), or an
 * indicator by one population dimension (id {@code CODE_by_DIMENSION}, e.g.
 * {@code early_stage_share_by_education}), whose variable of groups takes the place of age.
 *
 * @param dimension education, birth_country or income; null for the indicator's own table
 */
public record PxTableId(Indicator indicator, String dimension) {
    /** Between an indicator's code and a dimension's in a group table's id. */
    static final String BY = "_by_";

    public String id() {
        return dimension == null ? indicator.code() : indicator.code() + BY + dimension;
    }
}
