using Dti.Domain.Results;

namespace Dti.Infrastructure.Persistence.ReferenceData;

/// <summary>
/// The 63 provinces ranked in DTI 2020–2024 (names as dti.gov.vn printed the 2022 table) and the merged units of 1/7/2025
/// that ../shared/data/seed_province_merger_map.csv records. The other mergers of 2025 (34 provinces) are not in the
/// verified data: a coordinator adds them, and until then those old units stay open-ended.
/// </summary>
public static class ReferenceProvinceUnits
{
    public const string SeedKey = "province-units:2025-07-01";

    private static readonly DateOnly LastDayBeforeMerger = new(2025, 6, 30);
    private static readonly DateOnly MergerDay = new(2025, 7, 1);

    private static readonly (string Code, string Name)[] Provinces =
    [
        ("DA-NANG", "TP. Đà Nẵng"), ("HO-CHI-MINH", "TP. Hồ Chí Minh"), ("QUANG-NINH", "Quảng Ninh"), ("THUA-THIEN-HUE", "Thừa Thiên - Huế"),
        ("CAN-THO", "TP. Cần Thơ"), ("LANG-SON", "Lạng Sơn"), ("BAC-NINH", "Bắc Ninh"), ("THAI-NGUYEN", "Thái Nguyên"), ("BAC-GIANG", "Bắc Giang"),
        ("NAM-DINH", "Nam Định"), ("LONG-AN", "Long An"), ("BINH-PHUOC", "Bình Phước"), ("HAI-DUONG", "Hải Dương"), ("HAI-PHONG", "TP. Hải Phòng"),
        ("THANH-HOA", "Thanh Hóa"), ("YEN-BAI", "Yên Bái"), ("HAU-GIANG", "Hậu Giang"), ("VINH-PHUC", "Vĩnh Phúc"), ("BINH-DUONG", "Bình Dương"),
        ("TIEN-GIANG", "Tiền Giang"), ("NINH-BINH", "Ninh Bình"), ("LAM-DONG", "Lâm Đồng"), ("PHU-THO", "Phú Thọ"), ("HA-NOI", "TP. Hà Nội"),
        ("TRA-VINH", "Trà Vinh"), ("QUANG-NGAI", "Quảng Ngãi"), ("NINH-THUAN", "Ninh Thuận"), ("BA-RIA-VUNG-TAU", "Bà Rịa - Vũng Tàu"),
        ("BINH-DINH", "Bình Định"), ("VINH-LONG", "Vĩnh Long"), ("QUANG-NAM", "Quảng Nam"), ("KIEN-GIANG", "Kiên Giang"), ("HUNG-YEN", "Hưng Yên"),
        ("HA-NAM", "Hà Nam"), ("DIEN-BIEN", "Điện Biên"), ("SOC-TRANG", "Sóc Trăng"), ("HA-TINH", "Hà Tĩnh"), ("LAO-CAI", "Lào Cai"),
        ("DONG-THAP", "Đồng Tháp"), ("TAY-NINH", "Tây Ninh"), ("KHANH-HOA", "Khánh Hòa"), ("HOA-BINH", "Hòa Bình"), ("DONG-NAI", "Đồng Nai"),
        ("SON-LA", "Sơn La"), ("KON-TUM", "Kon Tum"), ("QUANG-BINH", "Quảng Bình"), ("DAK-LAK", "Đắk Lắk"), ("TUYEN-QUANG", "Tuyên Quang"),
        ("DAK-NONG", "Đắk Nông"), ("BINH-THUAN", "Bình Thuận"), ("BEN-TRE", "Bến Tre"), ("NGHE-AN", "Nghệ An"), ("LAI-CHAU", "Lai Châu"),
        ("AN-GIANG", "An Giang"), ("QUANG-TRI", "Quảng Trị"), ("THAI-BINH", "Thái Bình"), ("HA-GIANG", "Hà Giang"), ("CA-MAU", "Cà Mau"),
        ("PHU-YEN", "Phú Yên"), ("BAC-LIEU", "Bạc Liêu"), ("CAO-BANG", "Cao Bằng"), ("GIA-LAI", "Gia Lai"), ("BAC-KAN", "Bắc Kạn"),
    ];

    /// <summary>The merged units of 1/7/2025 and the old units that formed each.</summary>
    private static readonly (string Code, string Name, string[] Predecessors)[] Merged =
    [
        ("QUANG-TRI-2025", "Quảng Trị", ["QUANG-TRI", "QUANG-BINH"]),
        ("QUANG-NGAI-2025", "Quảng Ngãi", ["QUANG-NGAI", "KON-TUM"]),
        ("LAM-DONG-2025", "Lâm Đồng", ["LAM-DONG", "DAK-NONG", "BINH-THUAN"]),
        ("KHANH-HOA-2025", "Khánh Hòa", ["KHANH-HOA", "NINH-THUAN"]),
    ];

    /// <summary>Successors first, so that every old unit's successor exists when it is added.</summary>
    public static IReadOnlyList<ProvinceUnit> Create()
    {
        var successors = Merged.SelectMany(m => m.Predecessors.Select(p => (p, m.Code))).ToDictionary(x => x.p, x => x.Code);
        return
        [
            .. Merged.Select(m => ProvinceUnit.Create(m.Code, m.Name, MergerDay, null, null)),
            .. Provinces.Select(p => successors.TryGetValue(p.Code, out var successor)
                ? ProvinceUnit.Create(p.Code, p.Name, null, LastDayBeforeMerger, successor)
                : ProvinceUnit.Create(p.Code, p.Name, null, null, null)),
        ];
    }
}
