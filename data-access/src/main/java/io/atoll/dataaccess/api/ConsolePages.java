package io.atoll.dataaccess.api;

import io.atoll.dataaccess.domain.console.CatalogueItem;
import io.atoll.dataaccess.domain.console.ConsoleSession;
import io.atoll.dataaccess.domain.console.DailyOrders;
import io.atoll.dataaccess.domain.console.OpenOrder;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The console's pages, written out as HTML: a few forms and tables need no template engine. Every value from a
 * person or a database goes through {@link #escape}.
 */
final class ConsolePages {
    private static final DateTimeFormatter PLACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** What the page says above its content: nothing, an outcome, or an error. */
    record Notice(String kind, String text) {
        static Notice none() {
            return new Notice("", "");
        }

        static Notice done(String text) {
            return new Notice("done", text);
        }

        static Notice error(String text) {
            return new Notice("error", text);
        }
    }

    private ConsolePages() {
    }

    static String signIn(List<String> cells, String token, Notice notice) {
        StringBuilder html = start("Sign in");
        html.append("<main><h1>Atoll team console</h1>\n");
        notice(html, notice);
        html.append("<p>Sign in with your own database login, the one your team was given for the cell.</p>\n")
                .append("<form class=\"stacked\" method=\"post\" action=\"/console/sign-in\" id=\"sign-in\">\n")
                .append(csrf(token))
                .append("<label for=\"login\">Login</label><input id=\"login\" name=\"login\" autocomplete=\"username\" required>\n")
                .append("<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\""
                        + " autocomplete=\"current-password\" required>\n")
                .append("<label for=\"cell\">Cell</label><select id=\"cell\" name=\"cell\">");
        for (String cell : cells) {
            html.append("<option>").append(escape(cell)).append("</option>");
        }
        html.append("</select>\n<button type=\"submit\">Sign in</button>\n</form></main>\n");
        return end(html);
    }

    static String logistics(ConsoleSession person, List<OpenOrder> orders, List<DailyOrders> days, Notice notice) {
        StringBuilder html = signedIn(person, "Logistics", notice);
        html.append("<h2 id=\"open-orders-title\">Open orders</h2>\n");
        if (orders.isEmpty()) {
            html.append("<p id=\"no-open-orders\">No order of yours is waiting to ship.</p>\n");
        } else {
            html.append("<table id=\"open-orders\" aria-labelledby=\"open-orders-title\"><thead><tr><th>Order</th><th>Region</th>"
                    + "<th>Placed</th><th>Ship to</th><th class=\"number\">Items</th><th class=\"number\">Weight (g)</th>"
                    + "<th>Check off</th></tr></thead><tbody>\n");
            for (OpenOrder order : orders) {
                String id = escape(order.id().toString());
                html.append("<tr data-order=\"").append(id).append("\"><td>").append(id).append("</td><td>")
                        .append(escape(order.warehouseRegion())).append("</td><td>").append(PLACED.format(order.placedAt()))
                        .append("</td><td>").append(escape(order.destinationName())).append(", ").append(escape(order.destinationCity()))
                        .append(" (").append(escape(order.destinationCountry())).append(")</td><td class=\"number\">")
                        .append(order.itemCount()).append("</td><td class=\"number\">").append(order.totalWeightGrams()).append("</td><td>")
                        .append(statusForm(person, order, "fulfilled", "Fulfilled"))
                        .append(' ')
                        .append(statusForm(person, order, "cancelled", "Cancel"))
                        .append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("<h2 id=\"daily-orders-title\">Daily orders</h2>\n")
                .append("<form class=\"inline\" method=\"post\" action=\"/console/daily-orders/refresh\">").append(csrf(person.csrfToken()))
                .append("<button type=\"submit\" id=\"refresh\">Refresh</button></form>\n");
        if (days.isEmpty()) {
            html.append("<p id=\"no-daily-orders\">No day to show yet: refresh to count the orders so far.</p>\n");
        } else {
            html.append("<table id=\"daily-orders\" aria-labelledby=\"daily-orders-title\"><thead><tr><th>Day (UTC)</th><th>Region</th>"
                    + "<th class=\"number\">Placed</th><th class=\"number\">Open</th><th class=\"number\">Fulfilled</th>"
                    + "<th class=\"number\">Cancelled</th><th class=\"number\">Weight (g)</th></tr></thead><tbody>\n");
            for (DailyOrders day : days) {
                html.append("<tr><td>").append(day.day()).append("</td><td>").append(escape(day.warehouseRegion()))
                        .append("</td><td class=\"number\">").append(day.placed()).append("</td><td class=\"number\">").append(day.open())
                        .append("</td><td class=\"number\">").append(day.fulfilled()).append("</td><td class=\"number\">")
                        .append(day.cancelled()).append("</td><td class=\"number\">").append(day.totalWeightGrams()).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        return end(html.append("</main>\n"));
    }

    static String sales(ConsoleSession person, List<CatalogueItem> items, Notice notice) {
        StringBuilder html = signedIn(person, "Sales", notice);
        html.append("<h2>Add an item</h2>\n")
                .append("<form class=\"stacked\" method=\"post\" action=\"/console/items\" id=\"add-item\">").append(csrf(person.csrfToken()))
                .append("<label for=\"sku\">SKU</label><input id=\"sku\" name=\"sku\" required>\n")
                .append("<label for=\"name\">Name</label><input id=\"name\" name=\"name\" required>\n")
                .append("<label for=\"weight\">Weight (g)</label><input id=\"weight\" name=\"weight\" inputmode=\"numeric\" required>\n")
                .append("<label for=\"price\">Price</label><input id=\"price\" name=\"price\" inputmode=\"decimal\" required>\n")
                .append("<label for=\"currency\">Currency</label><input id=\"currency\" name=\"currency\" value=\"EUR\" maxlength=\"3\" required>\n")
                .append("<button type=\"submit\">Add</button></form>\n")
                .append("<h2 id=\"items-title\">Items</h2>\n");
        if (items.isEmpty()) {
            html.append("<p>The catalogue is empty.</p>\n");
        } else {
            html.append("<table id=\"items\" aria-labelledby=\"items-title\"><thead><tr><th>SKU</th><th>Name</th>"
                    + "<th class=\"number\">Weight (g)</th><th class=\"number\">Price</th><th>State</th><th></th></tr></thead><tbody>\n");
            for (CatalogueItem item : items) {
                String sku = escape(item.sku());
                html.append("<tr data-sku=\"").append(sku).append('"').append(item.active() ? "" : " class=\"retired\"").append("><td>")
                        .append(sku).append("</td><td>").append(escape(item.name())).append("</td><td class=\"number\">")
                        .append(item.weightGrams()).append("</td><td class=\"number\">").append(escape(item.price().toPlainString()))
                        .append(' ').append(escape(item.currency())).append("</td><td>").append(item.active() ? "active" : "retired")
                        .append("</td><td>");
                if (item.active()) {
                    html.append("<form class=\"inline\" method=\"post\" action=\"/console/items/retire\">").append(csrf(person.csrfToken()))
                            .append("<input type=\"hidden\" name=\"sku\" value=\"").append(sku).append("\">")
                            .append("<button type=\"submit\" aria-label=\"Retire ").append(sku).append("\">Retire</button></form>");
                }
                html.append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        return end(html.append("</main>\n"));
    }

    /** A person of a team the console has no page for (analytics), or of none. */
    static String nothingHere(ConsoleSession person, Notice notice) {
        StringBuilder html = signedIn(person, person.team().map(ConsolePages::title).orElse("No team"), notice);
        html.append("<p id=\"nothing\">The console has nothing for ")
                .append(person.team().map(team -> "the " + escape(team) + " team").orElse("a login of no team"))
                .append(": it is where logistics checks off orders and sales keeps the catalogue. Your team's guide says how to"
                        + " reach your data (psql or Trino).</p>\n");
        return end(html.append("</main>\n"));
    }

    /** A refusal that no page of the person's can frame (their session has ended, a form without its token). */
    static String message(String title, Notice notice) {
        StringBuilder html = start(title);
        html.append("<main><h1>").append(escape(title)).append("</h1>\n");
        notice(html, notice);
        html.append("<p><a href=\"/console\">Back to the console</a></p></main>\n");
        return end(html);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String statusForm(ConsoleSession person, OpenOrder order, String status, String label) {
        String id = escape(order.id().toString());
        return "<form class=\"inline\" method=\"post\" action=\"/console/orders/status\">" + csrf(person.csrfToken())
                + "<input type=\"hidden\" name=\"order\" value=\"" + id + "\"><input type=\"hidden\" name=\"status\" value=\"" + status
                + "\"><button type=\"submit\" name=\"action\" value=\"" + status + "\" aria-label=\"" + label + ": order " + id + "\">"
                + label + "</button></form>";
    }

    private static StringBuilder signedIn(ConsoleSession person, String title, Notice notice) {
        StringBuilder html = start(title);
        html.append("<header><h1>").append(escape(title)).append(" — Atoll team console</h1><div><span id=\"who\">")
                .append(escape(person.login())).append(" · ").append(escape(person.team().orElse("no team"))).append(" · cell ")
                .append(escape(person.cell())).append("</span> ")
                .append("<form class=\"inline\" method=\"post\" action=\"/console/sign-out\">").append(csrf(person.csrfToken()))
                .append("<button type=\"submit\" id=\"sign-out\">Sign out</button></form></div></header>\n<main>\n");
        notice(html, notice);
        return html;
    }

    private static String title(String team) {
        return team.isEmpty() ? team : Character.toUpperCase(team.charAt(0)) + team.substring(1);
    }

    private static void notice(StringBuilder html, Notice notice) {
        if (!notice.text().isEmpty()) {
            html.append("<p class=\"message ").append(notice.kind()).append("\" id=\"message\" role=\"")
                    .append(notice.kind().equals("error") ? "alert" : "status").append("\">").append(escape(notice.text())).append("</p>\n");
        }
    }

    private static String csrf(String token) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(token) + "\">";
    }

    private static StringBuilder start(String title) {
        return new StringBuilder(4096).append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(title)).append(" — Atoll team console</title>")
                .append("<link rel=\"stylesheet\" href=\"/console/console.css\"></head><body>\n");
    }

    private static String end(StringBuilder html) {
        return html.append("</body></html>\n").toString();
    }
}
