import Fluent
import Foundation
import PartrackDomain

/// A stored criteria set (bộ chỉ số) for a level and a year.
final class Catalog: Model, @unchecked Sendable {
    static let schema = "catalogs"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "year") var year: Int
    @Field(key: "level") var level: UnitLevel
    @Field(key: "decision") var decision: String
    /// Placeholder points, to be replaced by the province's own annex.
    @Field(key: "is_sample") var isSample: Bool
    /// Credit for a task done late, in percent (50 = half).
    @Field(key: "late_credit_percent") var lateCreditPercent: Int
    @Children(for: \.$catalog) var nodes: [CatalogNode]
    @Children(for: \.$catalog) var classes: [CatalogClass]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ definition: CatalogDefinition) {
        self.name = definition.name
        self.year = definition.year
        self.level = definition.level
        self.decision = definition.decision
        self.isSample = definition.isSample
        self.lateCreditPercent = definition.lateCreditPercent
    }
}

/// A classification band of a catalog ("Tốt" from 90 %), ordered best first.
final class CatalogClass: Model, @unchecked Sendable {
    static let schema = "catalog_classes"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "catalog_id") var catalog: Catalog
    @Field(key: "name") var name: String
    @Field(key: "min_percent_hundredths") var minPercentHundredths: Int
    @Field(key: "sort_order") var sortOrder: Int

    init() {}

    init(catalogID: Int, threshold: ClassThreshold, sortOrder: Int) {
        self.$catalog.id = catalogID
        self.name = threshold.name
        self.minPercentHundredths = threshold.minPercentHundredths
        self.sortOrder = sortOrder
    }
}

/// An area, criterion or sub-criterion of a catalog.
final class CatalogNode: Model, @unchecked Sendable {
    static let schema = "catalog_nodes"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "catalog_id") var catalog: Catalog
    @OptionalParent(key: "parent_id") var parent: CatalogNode?
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "max_hundredths") var maxHundredths: Int
    @Field(key: "measure") var measure: CriterionMeasure
    /// Position in the catalog file, so the tree reads back in the order it was written.
    @Field(key: "sort_order") var sortOrder: Int

    init() {}

    init(catalogID: Int, parentID: Int?, node: CatalogNodeDefinition, sortOrder: Int) {
        self.$catalog.id = catalogID
        self.$parent.id = parentID
        self.code = node.code
        self.title = node.title
        self.maxHundredths = node.maxPoints.hundredths
        self.measure = node.measure
        self.sortOrder = sortOrder
    }
}
