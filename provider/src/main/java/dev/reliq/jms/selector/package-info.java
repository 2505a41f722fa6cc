/**
 * Message selectors: the SQL-like conditions consumers and browsers use to choose messages
 * (Jakarta Messaging 3.1, section 3.8 "Message selection"). {@link dev.reliq.jms.selector.MessageSelector}
 * parses one; the message classes implement {@link dev.reliq.jms.selector.SelectorContext} so it
 * can be evaluated against them.
 *
 * <h2>What a selector may contain</h2>
 * <ul>
 *   <li><b>String literals</b> in single quotes, a quote inside written twice: {@code 'literal''s'}.</li>
 *   <li><b>Exact numbers</b> in Java's integer literal syntax, all of type long: {@code 57}, {@code -957},
 *       {@code 1_000}, {@code 0x1D}, {@code 0b11101}, and {@code 035}, which is octal (29) because a
 *       leading zero means octal in Java. {@code L} is allowed and changes nothing. From
 *       -9223372036854775808 to 9223372036854775807.</li>
 *   <li><b>Approximate numbers</b> in Java's floating-point literal syntax, of type double: {@code 7E3},
 *       {@code -57.9E2}, {@code 7.}, {@code .5}, {@code 0x1.8p1}; with an {@code F} suffix the literal is
 *       a float, as in Java, so {@code ratio = 0.1f} matches a float property set to {@code 0.1f}.</li>
 *   <li><b>Booleans</b> {@code TRUE} and {@code FALSE}.</li>
 *   <li><b>Identifiers</b> following Java's identifier rules, case-sensitive. They name properties, or
 *       one of the headers {@code JMSDeliveryMode} (the string {@code 'PERSISTENT'} or
 *       {@code 'NON_PERSISTENT'}), {@code JMSPriority}, {@code JMSMessageID}, {@code JMSTimestamp},
 *       {@code JMSCorrelationID} and {@code JMSType}. Names starting with {@code JMSX} or {@code JMS_} are
 *       properties. Any other name starting with {@code JMS}, such as {@code JMSRedelivered}, is rejected
 *       when the selector is parsed: the specification restricts header references to the six above.
 *       A property the message does not have is NULL.</li>
 *   <li><b>Reserved words</b>, in any letter case and never usable as identifiers: {@code NULL TRUE FALSE
 *       NOT AND OR BETWEEN LIKE IN IS ESCAPE}.</li>
 *   <li><b>Operators</b>, tightest first: unary {@code + -}; {@code * /}; {@code + -}; the comparisons
 *       {@code = <> < <= > >=}, {@code [NOT] BETWEEN}, {@code [NOT] IN}, {@code [NOT] LIKE},
 *       {@code IS [NOT] NULL}; {@code NOT}; {@code AND}; {@code OR}. Parentheses group. Operators of one
 *       level apply from left to right.</li>
 *   <li><b>White space</b> as in Java: space, tab, form feed, line terminators. There are no comments.</li>
 * </ul>
 *
 * <h2>How it evaluates</h2>
 * <ul>
 *   <li>Conditions are TRUE, FALSE or UNKNOWN, combined by SQL's truth tables (FALSE AND UNKNOWN is FALSE,
 *       TRUE OR UNKNOWN is TRUE, NOT UNKNOWN is UNKNOWN). Only TRUE selects.</li>
 *   <li>Comparing or computing with NULL gives UNKNOWN; {@code IS NULL} and {@code IS NOT NULL} are the
 *       only way to test for a missing value.</li>
 *   <li>Numbers compare and compute with Java's numeric promotion: an int property and a double literal
 *       compare as doubles; two int properties add as ints. Integer division by zero gives NULL (Java
 *       would throw); floating-point division by zero gives infinity or NaN as in Java.</li>
 *   <li>Values of different types never compare equal: "If the comparison of non-like type values is
 *       attempted, the value of the operation is false" (FALSE, not UNKNOWN, so
 *       {@code NOT (count = 'five')} selects a message whose count is 5). Strings and booleans compare
 *       with {@code =} and {@code <>} only.</li>
 *   <li>Arithmetic on a value that is not a number gives NULL, since "a string cannot be used in an
 *       arithmetic expression"; a property that is not a boolean used as a condition is UNKNOWN.</li>
 *   <li>{@code x BETWEEN a AND b} is {@code x >= a AND x <= b}; {@code x NOT BETWEEN a AND b} is
 *       {@code x < a OR x > b}, exactly as the specification defines them.</li>
 *   <li>{@code IN} and {@code LIKE} test string values. For NULL, and also for a value that is not a
 *       string, both they and their NOT forms are UNKNOWN.</li>
 *   <li>In a {@code LIKE} pattern {@code _} is any one character, {@code %} any sequence, everything else
 *       (regular-expression characters included) itself; the pattern must match the whole value. The
 *       {@code ESCAPE} character may only precede {@code _}, {@code %} or itself.</li>
 * </ul>
 *
 * <h2>What is rejected when the selector is parsed</h2>
 * Besides malformed syntax, a selector is refused when its text alone shows it can never work: a whole
 * selector that is a number or string ({@code price + 1}; a lone property name is allowed, since it may
 * be a boolean property), comparisons of visibly different types ({@code TRUE = 0},
 * {@code JMSPriority = 'high'}), ordering of strings or booleans ({@code name > 'm'}), arithmetic on
 * strings or booleans ({@code 'a' + 1}), {@code NULL} outside {@code IS [NOT] NULL}, {@code IN} or
 * {@code LIKE} on anything but a property name, {@code IN} lists that are empty or hold non-strings, and
 * {@code ESCAPE} strings that are not exactly one character.
 */
package dev.reliq.jms.selector;
