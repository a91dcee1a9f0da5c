package com.revolutiontradingpros.api.platform;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param dataDir where embedded mode keeps its database, files and generated keys (DATA_DIR)
 */
@Validated
@ConfigurationProperties("app")
public record AppProperties(@NotNull @DefaultValue("./data") Path dataDir) {
}
