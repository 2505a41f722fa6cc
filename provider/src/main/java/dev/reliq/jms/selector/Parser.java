package dev.reliq.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive descent over the selector grammar, loosest binding first:
 *
 * <pre>
 * selector       = or END
 * or             = and { OR and }
 * and            = not { AND not }
 * not            = NOT not | predicate
 * predicate      = sum [ comparator sum
 *                      | [NOT] BETWEEN sum AND sum
 *                      | [NOT] IN '(' string { ',' string } ')'
 *                      | [NOT] LIKE string [ESCAPE string]
 *                      | IS [NOT] NULL ]
 * sum            = product { ('+' | '-') product }
 * product        = unary { ('*' | '/') unary }
 * unary          = ('+' | '-') unary | primary
 * primary        = '(' or ')' | literal | identifier
 * </pre>
 *
 * Operators of one level group from the left, as the specification requires. Alongside the
 * syntax, the parser checks the types it can see (a literal, a header, the result of an
 * operator): the specification lets providers do such "semantic checking at the time the selector
 * is presented", and the TCK expects {@code TRUE = 0} and {@code myProp > 'foo'} to be rejected.
 */
final class Parser {

    private static final String VALUE_EXPECTED =
        "expected a value: a number, a string, TRUE, FALSE, a property name or '('";

    /**
     * How deep parentheses, NOT and signs may nest. Real selectors stay far below it; the limit
     * keeps a hostile or generated one from exhausting the stack of the thread that parses it.
     */
    static final int MAX_NESTING = 100;

    private final String selector;
    private final TokenStream tokens;
    private int nesting;

    private Parser(String selector, List<Token> tokens) {
        this.selector = selector;
        this.tokens = new TokenStream(selector, tokens);
    }

    /** Parses tokens that hold more than {@link TokenKind#END}. */
    static Expression parse(String selector, List<Token> tokens) throws InvalidSelectorException {
        Parser parser = new Parser(selector, tokens);
        Expression condition = parser.or();
        parser.expectEnd();
        parser.require(ValueType.BOOLEAN, condition, 0,
            "a selector is a condition that is true or false; compare the value, as in price > 10");
        return condition;
    }

    private Expression or() throws InvalidSelectorException {
        String hint = "OR joins two conditions, as in a > 1 OR b = 'x'";
        int from = tokens.mark();
        Expression first = and();
        if (tokens.peek().kind() != TokenKind.OR) {
            return first;
        }
        require(ValueType.BOOLEAN, first, from, hint);
        List<Expression> operands = new ArrayList<>(List.of(first));
        while (tokens.accept(TokenKind.OR)) {
            int operandFrom = tokens.mark();
            Expression operand = and();
            require(ValueType.BOOLEAN, operand, operandFrom, hint);
            operands.add(operand);
        }
        return new Or(operands);
    }

    private Expression and() throws InvalidSelectorException {
        String hint = "AND joins two conditions, as in a > 1 AND b = 'x'";
        int from = tokens.mark();
        Expression first = not();
        if (tokens.peek().kind() != TokenKind.AND) {
            return first;
        }
        require(ValueType.BOOLEAN, first, from, hint);
        List<Expression> operands = new ArrayList<>(List.of(first));
        while (tokens.accept(TokenKind.AND)) {
            int operandFrom = tokens.mark();
            Expression operand = not();
            require(ValueType.BOOLEAN, operand, operandFrom, hint);
            operands.add(operand);
        }
        return new And(operands);
    }

    private Expression not() throws InvalidSelectorException {
        if (tokens.peek().kind() != TokenKind.NOT) {
            return predicate();
        }
        nest(tokens.take());
        int from = tokens.mark();
        Expression operand = not();
        nesting--;
        require(ValueType.BOOLEAN, operand, from, "NOT negates a condition, as in NOT (a > 1)");
        return new Not(operand);
    }

    private Expression predicate() throws InvalidSelectorException {
        int from = tokens.mark();
        Expression left = sum();
        Token token = tokens.peek();
        ComparisonOperator comparator = comparator(token.kind());
        if (comparator != null) {
            tokens.take();
            return comparison(comparator, token, left, from);
        }
        switch (token.kind()) {
            case NOT:
                tokens.take();
                Token negatable = tokens.take();
                switch (negatable.kind()) {
                    case BETWEEN: return between(left, from, true);
                    case IN: return in(left, from, true);
                    case LIKE: return like(left, from, true);
                    default: throw tokens.unexpected(negatable, "expected BETWEEN, IN or LIKE after NOT");
                }
            case BETWEEN:
                tokens.take();
                return between(left, from, false);
            case IN:
                tokens.take();
                return in(left, from, false);
            case LIKE:
                tokens.take();
                return like(left, from, false);
            case IS:
                tokens.take();
                return isNull(left, from);
            default:
                return left;
        }
    }

    private Expression comparison(ComparisonOperator comparator, Token operator, Expression left, int from)
            throws InvalidSelectorException {
        int rightFrom = tokens.mark();
        Expression right = sum();
        if (comparator.isOrdering()) {
            String hint = comparator + " compares numbers; strings and booleans can only be compared with = and <>";
            require(ValueType.NUMBER, left, from, hint);
            require(ValueType.NUMBER, right, rightFrom, hint);
        } else if (left.type() != ValueType.ANY && right.type() != ValueType.ANY && left.type() != right.type()) {
            throw InvalidSelectors.at(selector, operator.position(),
                "cannot compare " + left.type().description() + " with " + right.type().description(),
                "only numbers with numbers, strings with strings and booleans with booleans");
        }
        return new Comparison(comparator, left, right);
    }

    private Expression between(Expression value, int from, boolean negated) throws InvalidSelectorException {
        String hint = "BETWEEN works on numbers, as in age BETWEEN 15 AND 19";
        require(ValueType.NUMBER, value, from, hint);
        int lowerFrom = tokens.mark();
        Expression lower = sum();
        require(ValueType.NUMBER, lower, lowerFrom, hint);
        tokens.expect(TokenKind.AND, "expected AND between the two bounds, as in age BETWEEN 15 AND 19");
        int upperFrom = tokens.mark();
        Expression upper = sum();
        require(ValueType.NUMBER, upper, upperFrom, hint);
        return new Between(value, lower, upper, negated);
    }

    private Expression in(Expression value, int from, boolean negated) throws InvalidSelectorException {
        String example = "as in country IN ('UK', 'US')";
        requireIdentifier(value, from, "IN tests a property, " + example);
        require(ValueType.STRING, value, from, "IN compares strings only");
        Token open = tokens.expect(TokenKind.LEFT_PAREN, "expected '(' and a list of strings after IN, " + example);
        List<String> values = new ArrayList<>();
        do {
            Token item = tokens.take();
            if (item.kind() == TokenKind.RIGHT_PAREN && values.isEmpty()) {
                throw InvalidSelectors.at(selector, open.position(), "empty IN list",
                    "list at least one string, " + example);
            }
            if (item.kind() != TokenKind.STRING) {
                throw tokens.unexpected(item, "an IN list holds only string literals, " + example);
            }
            values.add((String) item.value());
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN,
            "expected ',' or ')' in the IN list opened at position " + open.position());
        return new In(value, values, negated);
    }

    private Expression like(Expression value, int from, boolean negated) throws InvalidSelectorException {
        requireIdentifier(value, from, "LIKE tests a property, as in name LIKE 'a%'");
        require(ValueType.STRING, value, from, "LIKE matches strings only");
        Token pattern = tokens.take();
        if (pattern.kind() != TokenKind.STRING) {
            throw tokens.unexpected(pattern, "LIKE needs a string literal pattern, as in name LIKE 'a%'");
        }
        int escape = -1;
        if (tokens.accept(TokenKind.ESCAPE)) {
            Token character = tokens.take();
            String hint = "ESCAPE takes a string of exactly one character, as in ESCAPE '\\'";
            if (character.kind() != TokenKind.STRING) {
                throw tokens.unexpected(character, hint);
            }
            String text = (String) character.value();
            if (text.codePointCount(0, text.length()) != 1) {
                throw InvalidSelectors.at(selector, character.position(),
                    "escape " + character.text() + " is not a single character", hint);
            }
            escape = text.codePointAt(0);
        }
        try {
            return new Like(value, LikePattern.compile((String) pattern.value(), escape), negated);
        } catch (IllegalArgumentException misusedEscape) {
            throw InvalidSelectors.at(selector, pattern.position(), misusedEscape.getMessage(),
                "the escape character may only stand before _, % or itself");
        }
    }

    private Expression isNull(Expression value, int from) throws InvalidSelectorException {
        boolean negated = tokens.accept(TokenKind.NOT);
        tokens.expect(TokenKind.NULL, "expected NULL or NOT NULL after IS");
        requireIdentifier(value, from, "IS NULL tests a property or header, as in name IS NULL");
        return new IsNull(value, negated);
    }

    private Expression sum() throws InvalidSelectorException {
        return chain(true);
    }

    private Expression product() throws InvalidSelectorException {
        return chain(false);
    }

    /** Operands joined by one level's operators: products joined by + and -, or unaries joined by * and /. */
    private Expression chain(boolean additive) throws InvalidSelectorException {
        int from = tokens.mark();
        Expression first = additive ? product() : unary();
        ArithmeticOperator operator = arithmetic(tokens.peek().kind(), additive);
        if (operator == null) {
            return first;
        }
        require(ValueType.NUMBER, first, from, "'" + operator + "' works on numbers only");
        List<Expression> operands = new ArrayList<>(List.of(first));
        List<ArithmeticOperator> operators = new ArrayList<>();
        while (operator != null) {
            tokens.take();
            int operandFrom = tokens.mark();
            Expression operand = additive ? product() : unary();
            require(ValueType.NUMBER, operand, operandFrom, "'" + operator + "' works on numbers only");
            operators.add(operator);
            operands.add(operand);
            operator = arithmetic(tokens.peek().kind(), additive);
        }
        return new Arithmetic(operands, operators);
    }

    private Expression unary() throws InvalidSelectorException {
        TokenKind kind = tokens.peek().kind();
        if (kind != TokenKind.MINUS && kind != TokenKind.PLUS) {
            return primary();
        }
        nest(tokens.take());
        boolean negate = kind == TokenKind.MINUS;
        if (negate && tokens.peek().kind() == TokenKind.LONG_MIN_MAGNITUDE) {
            tokens.take();
            nesting--;
            return new Literal(Long.MIN_VALUE);
        }
        int from = tokens.mark();
        Expression operand = unary();
        nesting--;
        require(ValueType.NUMBER, operand, from, "a sign goes before a number");
        if (operand instanceof Literal) {
            return negate ? ((Literal) operand).negated() : operand;
        }
        return new Sign(negate, operand);
    }

    private Expression primary() throws InvalidSelectorException {
        Token token = tokens.take();
        switch (token.kind()) {
            case LEFT_PAREN:
                nest(token);
                Expression inner = or();
                tokens.expect(TokenKind.RIGHT_PAREN, "expected ')' to close the '(' at position " + token.position());
                nesting--;
                return inner;
            case STRING:
            case EXACT:
            case APPROXIMATE:
                return new Literal(token.value());
            case TRUE:
                return new Literal(Boolean.TRUE);
            case FALSE:
                return new Literal(Boolean.FALSE);
            case IDENTIFIER:
                return identifier(token);
            case LONG_MIN_MAGNITUDE:
                throw NumberLiteral.outOfRange(selector, token.text(), token.position());
            case NULL:
                throw tokens.unexpected(token, "NULL can only be used in IS NULL and IS NOT NULL");
            default:
                if (token.kind().isKeyword()) {
                    throw tokens.unexpected(token, token.text().toUpperCase(Locale.ROOT)
                        + " is a reserved word and cannot name a property; " + VALUE_EXPECTED);
                }
                throw tokens.unexpected(token, VALUE_EXPECTED);
        }
    }

    private Expression identifier(Token token) throws InvalidSelectorException {
        String name = (String) token.value();
        if (!Identifier.isSelectable(name)) {
            throw InvalidSelectors.at(selector, token.position(), "'" + name + "' is not a header a selector can use",
                "selectors can use the headers " + Identifier.selectableHeaders()
                    + "; other names starting with JMS are reserved, except properties starting with JMSX or JMS_");
        }
        return new Identifier(name);
    }

    private void nest(Token at) throws InvalidSelectorException {
        if (++nesting > MAX_NESTING) {
            throw InvalidSelectors.at(selector, at.position(), "nesting deeper than " + MAX_NESTING + " levels",
                "parentheses, NOT and signs may nest at most " + MAX_NESTING + " deep; simplify the selector");
        }
    }

    private void expectEnd() throws InvalidSelectorException {
        Token token = tokens.peek();
        if (token.kind() == TokenKind.RIGHT_PAREN) {
            throw tokens.unexpected(token, "there is no '(' for it to close");
        }
        if (token.kind() != TokenKind.END) {
            throw tokens.unexpected(token, "expected AND, OR or the end of the selector");
        }
    }

    /**
     * Fails unless {@code expression}, which starts at token {@code from}, can be of the
     * {@code required} type.
     */
    private void require(ValueType required, Expression expression, int from, String hint)
            throws InvalidSelectorException {
        if (!expression.type().canBe(required)) {
            throw InvalidSelectors.at(selector, tokens.positionOf(from),
                "found " + expression.type().description() + " where " + required.requirement() + " is needed", hint);
        }
    }

    private void requireIdentifier(Expression expression, int from, String hint) throws InvalidSelectorException {
        if (!(expression instanceof Identifier)) {
            throw InvalidSelectors.at(selector, tokens.positionOf(from),
                "found " + expression.type().description() + " where a property name is needed", hint);
        }
    }

    private static ArithmeticOperator arithmetic(TokenKind kind, boolean additive) {
        switch (kind) {
            case PLUS: return additive ? ArithmeticOperator.ADD : null;
            case MINUS: return additive ? ArithmeticOperator.SUBTRACT : null;
            case TIMES: return additive ? null : ArithmeticOperator.MULTIPLY;
            case DIVIDE: return additive ? null : ArithmeticOperator.DIVIDE;
            default: return null;
        }
    }

    private static ComparisonOperator comparator(TokenKind kind) {
        switch (kind) {
            case EQUAL: return ComparisonOperator.EQUAL;
            case NOT_EQUAL: return ComparisonOperator.NOT_EQUAL;
            case LESS: return ComparisonOperator.LESS;
            case LESS_OR_EQUAL: return ComparisonOperator.LESS_OR_EQUAL;
            case GREATER: return ComparisonOperator.GREATER;
            case GREATER_OR_EQUAL: return ComparisonOperator.GREATER_OR_EQUAL;
            default: return null;
        }
    }
}
