package com.revolutiontradingpros.api.users.dataexport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.privacy.PersonalData;
import com.revolutiontradingpros.api.users.activity.ActivityLog;
import com.revolutiontradingpros.api.users.profiles.ProfileRepository;
import com.revolutiontradingpros.api.users.tags.UserTags;

/** The users module's part of a data export: the profile (with account, tags) and the activity log. */
@Configuration(proxyBeanMethods = false)
class UsersPersonalData {

    @Bean
    PersonalData profileData(Accounts accounts, ProfileRepository profiles, UserTags tags) {
        return personal("profile", userId -> {
            var profile = new LinkedHashMap<String, Object>();
            accounts.find(userId).ifPresent(account -> profile.put("account", account));
            profile.put("profile", profiles.find(userId).fields());
            profile.put("tags", tags.of(userId));
            return profile;
        });
    }

    @Bean
    PersonalData activityData(ActivityLog activity) {
        return personal("activity", userId -> activity.list(userId, new PageQuery(1, 100_000, List.of(), Map.of(), null)));
    }

    private static PersonalData personal(String section, java.util.function.LongFunction<Object> collect) {
        return new PersonalData() {
            @Override
            public String section() {
                return section;
            }

            @Override
            public Object collect(long userId) {
                return collect.apply(userId);
            }
        };
    }
}
