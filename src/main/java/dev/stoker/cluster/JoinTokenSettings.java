package dev.stoker.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the join-token keepers treat a rotated bootstrap token, under
 * {@code stoker.join-tokens}.
 *
 * @param gracePeriod how long the previous bootstrap token stays listed after a rotation,
 * so that machines booting from documents fetched just before it still join; the keepers
 * delete it afterwards
 */
@ConfigurationProperties("stoker.join-tokens")
public record JoinTokenSettings(@DefaultValue("1h") Duration gracePeriod) {

	public JoinTokenSettings {
		if (gracePeriod.isNegative()) {
			throw new IllegalArgumentException("stoker.join-tokens.grace-period cannot be negative");
		}
	}

}
