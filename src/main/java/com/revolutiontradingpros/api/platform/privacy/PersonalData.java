package com.revolutiontradingpros.api.platform.privacy;

/**
 * What one module holds about a person, for their data export: each contributor becomes {@code <section>.json}
 * in the zip. Commerce adds orders and subscriptions, forms their submissions, marketing their consents.
 */
public interface PersonalData {

    /** The file name in the export, without .json: {@code profile}, {@code orders}. */
    String section();

    /** Everything this module holds about the user, as JSON-serialisable values. */
    Object collect(long userId);
}
