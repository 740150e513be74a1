using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Record : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_history_negotiation_id_sequence",
                table: "history");

            migrationBuilder.DropColumn(
                name: "last_hash",
                table: "history_head");

            migrationBuilder.DropColumn(
                name: "hash",
                table: "history");

            migrationBuilder.DropColumn(
                name: "previous_hash",
                table: "history");

            migrationBuilder.AddColumn<string>(
                name: "entry_hash",
                table: "history",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "log_index",
                table: "history",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "rows",
                table: "history",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "salt",
                table: "history",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "checkpoints",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    tree_size = table.Column<long>(type: "INTEGER", nullable: false),
                    signed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checkpoints", x => new { x.negotiation_id, x.tree_size });
                });

            migrationBuilder.CreateTable(
                name: "record_heads",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    root = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    frontier = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_heads", x => x.negotiation_id);
                });

            // Existing entries get their place in their negotiation's tree (the start-up upgrade hashes them).
            migrationBuilder.Sql(
                "UPDATE history SET log_index = (SELECT COUNT(*) FROM history AS earlier " +
                "WHERE earlier.negotiation_id = history.negotiation_id AND earlier.sequence < history.sequence)");

            migrationBuilder.CreateIndex(
                name: "IX_history_negotiation_id_log_index",
                table: "history",
                columns: new[] { "negotiation_id", "log_index" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "checkpoints");

            migrationBuilder.DropTable(
                name: "record_heads");

            migrationBuilder.DropIndex(
                name: "IX_history_negotiation_id_log_index",
                table: "history");

            migrationBuilder.DropColumn(
                name: "entry_hash",
                table: "history");

            migrationBuilder.DropColumn(
                name: "log_index",
                table: "history");

            migrationBuilder.DropColumn(
                name: "rows",
                table: "history");

            migrationBuilder.DropColumn(
                name: "salt",
                table: "history");

            migrationBuilder.AddColumn<string>(
                name: "last_hash",
                table: "history_head",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "history",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "previous_hash",
                table: "history",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_history_negotiation_id_sequence",
                table: "history",
                columns: new[] { "negotiation_id", "sequence" });
        }
    }
}
