using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// Translates a LINQ query recorded from the running application (<see cref="Infrastructure.QueryLog"/>) for SQL
/// Server, without a server: the query's roots are moved onto a SQL Server context, EF compiles it, and the command
/// it would send is caught before it leaves (the connection is never opened). The context is configured as the
/// application configures it, so its own rewriting (<see cref="Dti.Infrastructure.Persistence.RowClaims"/>) runs first.
/// </summary>
internal static class SqlServerTranslation
{
    private static readonly MethodInfo Execute = typeof(SqlServerTranslation).GetMethod(nameof(ExecuteScalar), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The SQL of the first command EF would send for <paramref name="query"/>.</summary>
    public static string Translate(Expression query, QuerySplittingBehavior splitting)
    {
        var capture = new FirstCommand();
        using var db = SqlServerSchema.Context(b => b.UseSqlServer(o => o.UseQuerySplittingBehavior(splitting)).AddInterceptors(capture));
        var provider = db.GetService<IAsyncQueryProvider>();
        var rooted = new Reroot(db, provider).Visit(query);
        try
        {
            if (typeof(IQueryable).IsAssignableFrom(rooted.Type))
            {
                provider.CreateQuery(rooted).GetEnumerator().MoveNext();
            }
            else
            {
                Execute.MakeGenericMethod(rooted.Type).Invoke(null, [provider, rooted]);
            }
        }
        catch (Exception ex) when (ex is CommandCaught || ex.InnerException is CommandCaught)
        {
            return capture.Sql!;
        }

        throw new AssertionException($"EF sent no command for {query}");
    }

    private static void ExecuteScalar<T>(IQueryProvider provider, Expression query) => provider.Execute<T>(query);

    private sealed class CommandCaught : Exception;

    /// <summary>Pretends the connection opened, keeps the first command's text and stops there.</summary>
    private sealed class FirstCommand : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public string? Sql { get; private set; }

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            throw Catch(command);

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            throw Catch(command);

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            throw Catch(command);

        private CommandCaught Catch(DbCommand command)
        {
            Sql = command.CommandText;
            return new CommandCaught();
        }
    }

    /// <summary>
    /// Moves a query onto another context: each entity root becomes the same entity of the target model, and a query
    /// held in a variable (<c>db.Plans</c>, a composed <c>IQueryable</c>) is evaluated and inlined, as EF itself does.
    /// </summary>
    private sealed class Reroot(DbContext target, IAsyncQueryProvider provider) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node) => node is EntityQueryRootExpression root
            ? new EntityQueryRootExpression(provider, target.Model.FindEntityType(root.EntityType.Name)!)
            : base.VisitExtension(node);

        protected override Expression VisitMember(MemberExpression node) => Inline(node) ?? base.VisitMember(node);

        protected override Expression VisitMethodCall(MethodCallExpression node) => Inline(node) ?? base.VisitMethodCall(node);

        protected override Expression VisitConstant(ConstantExpression node) =>
            node.Value is IQueryable { Provider: IAsyncQueryProvider } query ? Visit(query.Expression) : node;

        private Expression? Inline(Expression node) =>
            typeof(IQueryable).IsAssignableFrom(node.Type) && ClosedTerm.Is(node)
            && Expression.Lambda(node).Compile().DynamicInvoke() is IQueryable { Provider: IAsyncQueryProvider } query
                ? Visit(query.Expression)
                : null;
    }

    /// <summary>An expression that reads only constants and captured variables, so it can be evaluated on its own.</summary>
    private sealed class ClosedTerm : ExpressionVisitor
    {
        private bool _open;

        public static bool Is(Expression node)
        {
            var visitor = new ClosedTerm();
            visitor.Visit(node);
            return !visitor._open;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _open = true;
            return node;
        }

        protected override Expression VisitExtension(Expression node)
        {
            _open = true;
            return node;
        }
    }
}
