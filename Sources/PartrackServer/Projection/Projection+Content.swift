import PartrackDomain
import Vapor

// The engine's Codable results are sent as they are (see ComplianceReport+Content.swift).
extension WhatIfComparison: Content {}
extension TrendSnapshot: Content {}
