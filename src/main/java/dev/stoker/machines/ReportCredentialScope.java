package dev.stoker.machines;

import org.springframework.stereotype.Component;

import dev.stoker.access.ReportTokenScope;
import dev.stoker.secrets.ReportTokenHolder;

/**
 * What a report credential opens: POST of a report to its own cluster's machines. The
 * group a report is filed under is the credential's, never one the body names. Nothing
 * else, not even the listing.
 */
@Component
class ReportCredentialScope implements ReportTokenScope {

	@Override
	public boolean opens(ReportTokenHolder holder, String method, String path) {
		return "POST".equals(method) && path.equals(MachineRoutes.reportPath(holder.cluster()));
	}

}
