using System.Security.Claims;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Admin.Carriers;
using GovNetOps.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration.Registry;

/// <summary>运营商 registry in the real app over SQLite: the admin adds and edits carriers; bad input is refused field by
/// field in Chinese with nothing written; every change is audited.</summary>
public sealed class CarrierRegistryFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private static CarrierForm NewForm() => new()
    {
        Name = "中国广电桐柏分公司", ShortName = "广电", ManagerName = "孙立军", ManagerMobile = "139 3770 5555", DutyPhone = "0377 6815 0000",
    };

    private Task<(int? SavedId, IReadOnlyDictionary<string, string> Errors)> SaveAsync(ClaimsPrincipal user, CarrierForm form) =>
        _app.WithServiceAsync<CarrierRegistry, (int?, IReadOnlyDictionary<string, string>)>(r => r.SaveAsync(user, form));

    [Fact]
    public async Task SaveAsync_CreatesACarrier_NormalisesItsNumbers_AndAuditsIt()
    {
        var (id, errors) = await SaveAsync(_app.Admin, NewForm());

        Assert.Empty(errors);
        await using var db = _app.NewDbContext();
        var carrier = await db.Carriers.SingleAsync(c => c.Id == id);
        Assert.Equal(("中国广电桐柏分公司", "广电", "孙立军", "13937705555", "0377-68150000"),
            (carrier.Name, carrier.ShortName, carrier.ManagerName, carrier.ManagerMobile, carrier.DutyPhone));
        var record = await db.ChangeRecords.SingleAsync(c => c.EntityType == CarrierRegistry.EntityType);
        Assert.Equal(("Created", id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "中国广电桐柏分公司"), (record.Action, record.EntityId, record.EntityName));
        Assert.Empty(ChangeLog.Fields(record.Before));
        Assert.Equal("13937705555", ChangeLog.Fields(record.After)["ManagerMobile"]);
    }

    [Fact]
    public async Task SaveAsync_EditsACarrier_AuditingBeforeAndAfter()
    {
        var (id, errors) = await SaveAsync(_app.Admin, new CarrierForm
        {
            Id = TicketApp.TelecomId, Name = "中国电信桐柏分公司", ShortName = "电信", ManagerName = "李卫东", ManagerMobile = "13303770009", DutyPhone = "0377-68110000",
        });

        Assert.Equal(TicketApp.TelecomId, id);
        Assert.Empty(errors);
        await using var db = _app.NewDbContext();
        var record = await db.ChangeRecords.SingleAsync(c => c.EntityType == CarrierRegistry.EntityType);
        Assert.Equal("Updated", record.Action);
        Assert.Equal(("周建国", "李卫东"), (ChangeLog.Fields(record.Before)["ManagerName"], ChangeLog.Fields(record.After)["ManagerName"]));
        Assert.Equal("13303770009", (await db.Carriers.SingleAsync(c => c.Id == TicketApp.TelecomId)).ManagerMobile);
    }

    [Fact]
    public async Task SaveAsync_RefusesEachBadFieldInChinese_NamingIt_AndWritesNothing()
    {
        var (id, errors) = await SaveAsync(_app.Admin, new CarrierForm
        {
            Name = " 中国联通桐柏分公司 ", ShortName = "移动", ManagerName = "", ManagerMobile = "0377-66123456", DutyPhone = "12345",
        });

        Assert.Null(id);
        Assert.Equal("运营商名称“中国联通桐柏分公司”已被使用，请换一个", errors[nameof(CarrierForm.Name)]);
        Assert.Equal("简称“移动”已被使用，请换一个", errors[nameof(CarrierForm.ShortName)]);
        Assert.Equal("客户经理不能为空", errors[nameof(CarrierForm.ManagerName)]);
        Assert.StartsWith("客户经理手机须为 11 位手机号码", errors[nameof(CarrierForm.ManagerMobile)]); // a landline cannot be @-mentioned
        Assert.StartsWith("值班电话须为 11 位手机号码（如 13800000000）或带区号 0377 的座机号码", errors[nameof(CarrierForm.DutyPhone)]);
        await using var db = _app.NewDbContext();
        Assert.Equal(3, await db.Carriers.CountAsync());
        Assert.False(await db.ChangeRecords.AnyAsync());
    }

    [Fact]
    public async Task SaveAsync_RefusesEveryoneButTheSystemAdministrator()
    {
        foreach (var user in new[] { _app.Ops, _app.Leader, _app.Telecom, _app.SecurityAdmin })
        {
            var (id, errors) = await SaveAsync(user, NewForm());
            Assert.Null(id);
            Assert.Equal("只有系统管理员可以修改登记信息", errors[""]);
        }

        await using var db = _app.NewDbContext();
        Assert.Equal(3, await db.Carriers.CountAsync());
    }

    [Fact]
    public async Task GetAsync_ListsTheCarriersOwnUsers()
    {
        var details = await _app.WithServiceAsync<CarrierRegistry, CarrierDetails?>(r => r.GetAsync(_app.Ops, TicketApp.TelecomId));

        Assert.Contains(details!.Users, u => u.UserName == "telecom");
        Assert.DoesNotContain(details.Users, u => u.UserName is "unicom" or "mobile" or "ops");
        Assert.Null(await _app.WithServiceAsync<CarrierRegistry, CarrierDetails?>(r => r.GetAsync(_app.Telecom, TicketApp.TelecomId))); // carriers do not read the registry
    }
}
