package com.revolutiontradingpros.api.content.media;

import com.revolutiontradingpros.api.platform.security.CurrentUser;

/**
 * Rule 22: a member may have a private item's URL when it is used by something they may read in full (a post).
 * The features that own such things answer for them.
 */
public interface MediaOwners {

    /** The asset_usages owner type this answers for, such as {@code post}. */
    String ownerType();

    boolean canReadInFull(long ownerId, CurrentUser caller);
}
