package dev.paygate.events.control;

import dev.paygate.platform.CardNumberInText;
import dev.paygate.problems.InvalidRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** The rules of an endpoint's URL: absolute http or https, and, when the deployment says so, public. */
public final class WebhookUrl {

    static final int MAX_LENGTH = 2048;

    private WebhookUrl() {}

    /** The URL, checked; a 400 naming {@code param} otherwise. */
    public static String check(String url, boolean allowPrivate, String param) {
        if (url == null || url.isBlank()) {
            throw new InvalidRequest("parameter_missing", param, param + " is required");
        }
        if (CardNumberInText.found(url)) {
            throw new InvalidRequest(CardNumberInText.CODE, param, param + " " + CardNumberInText.MESSAGE);
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw invalid(param, "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || url.length() > MAX_LENGTH) {
            throw invalid(param, "must be an absolute http or https URL of at most " + MAX_LENGTH + " characters");
        }
        if (uri.getUserInfo() != null) {
            throw invalid(param, "must not hold a user name or password");
        }
        if (!allowPrivate) {
            String refused = refusedAddress(uri.getHost());
            if (refused != null) {
                throw invalid(param, refused);
            }
        }
        return uri.toString();
    }

    private static InvalidRequest invalid(String param, String rule) {
        return new InvalidRequest("parameter_invalid", param, param + " " + rule);
    }

    /**
     * Why a delivery to {@code host} is refused when private addresses are not allowed, or null
     * when every address it resolves to is public. Checked again at each delivery, since a name
     * can resolve elsewhere later.
     */
    public static String refusedAddress(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isPrivate(address)) {
                    return "resolves to " + address.getHostAddress()
                            + ", a private or local address, which this gateway does not send to";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "names host " + host + ", which does not resolve";
        }
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xFE) == 0xFC; // unique local, fc00::/7
        }
        return (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64; // carrier-grade NAT, 100.64.0.0/10
    }
}
