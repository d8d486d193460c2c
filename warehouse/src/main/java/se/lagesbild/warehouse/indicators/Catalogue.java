package se.lagesbild.warehouse.indicators;

import static se.lagesbild.warehouse.db.Tables.CATALOGUE_INDICATOR;

import java.util.List;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.WarehouseException;

/** The indicator catalogue as the warehouse holds it. */
public final class Catalogue {
    private Catalogue() {
    }

    /** Every indicator, by goal and then sort order. */
    public static List<Indicator> all(Warehouse warehouse) {
        var c = CATALOGUE_INDICATOR;
        return warehouse.dsl().selectFrom(c).orderBy(c.GOAL_CODE, c.SORT_ORDER, c.INDICATOR_CODE)
                .fetch(r -> new Indicator(r.getIndicatorCode(), r.getGoalCode(), r.getTitleSv(), r.getTitleEn(), r.getDescriptionSv(),
                        r.getDescriptionEn(), r.getUnit(), r.getDirection(), r.getTargetValue(), r.getMethod(), r.getMethodParam(),
                        r.getScope(), r.getDataSource(), r.getMartView(),
                        r.getDisclosureFamily() == null ? r.getDataSource() : r.getDisclosureFamily(), r.getMethodOptions()));
    }

    /** The indicator {@code code}, or an error listing the codes there are. */
    public static Indicator byCode(Warehouse warehouse, String code) {
        List<Indicator> all = all(warehouse);
        return all.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new WarehouseException("Unknown indicator '" + code + "'. Indicators: "
                        + String.join(", ", all.stream().map(Indicator::code).toList()) + "."));
    }
}
